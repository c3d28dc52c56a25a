package kubetutor.engine.kubectl.describe;

import org.junit.jupiter.api.Test;

import static kubetutor.engine.kubectl.describe.Transcript.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DescribeNodeAndNamespaceTest {
    @Test
    void workerNode() {
        assertMatches("""
                Name:               worker1
                Roles:              <none>
                Labels:             beta.kubernetes.io/arch=amd64
                                    beta.kubernetes.io/os=linux
                                    kubernetes.io/arch=amd64
                                    kubernetes.io/hostname=worker1
                                    kubernetes.io/os=linux
                Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
                                    node.alpha.kubernetes.io/ttl: 0
                                    volumes.kubernetes.io/controller-managed-attach-detach: true
                CreationTimestamp:  Sat, 03 Jan 2026 08:52:00 +0000
                Taints:             <none>
                Unschedulable:      false
                Lease:
                  HolderIdentity:  worker1
                  AcquireTime:     <unset>
                  RenewTime:       Mon, 05 Jan 2026 08:59:55 +0000
                Conditions:
                  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----             ------  -----------------                 ------------------                ------                       -------
                  MemoryPressure   False   Mon, 05 Jan 2026 08:59:05 +0000   Sat, 03 Jan 2026 08:52:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
                  DiskPressure     False   Mon, 05 Jan 2026 08:59:05 +0000   Sat, 03 Jan 2026 08:52:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
                  PIDPressure      False   Mon, 05 Jan 2026 08:59:05 +0000   Sat, 03 Jan 2026 08:52:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
                  Ready            True    Mon, 05 Jan 2026 08:59:05 +0000   Sat, 03 Jan 2026 08:52:30 +0000   KubeletReady                 kubelet is posting ready status
                Addresses:
                  InternalIP:  192.168.56.11
                  Hostname:    worker1
                Capacity:
                  cpu:                2
                  ephemeral-storage:  39601264Ki
                  hugepages-1Gi:      0
                  hugepages-2Mi:      0
                  memory:             4Gi
                  pods:               110
                Allocatable:
                  cpu:                2
                  ephemeral-storage:  36496716122
                  hugepages-1Gi:      0
                  hugepages-2Mi:      0
                  memory:             3996Mi
                  pods:               110
                System Info:
                  Machine ID:                 [..]
                  System UUID:                [..]
                  Boot ID:                    [..]
                  Kernel Version:             5.15.0-126-generic
                  OS Image:                   Ubuntu 22.04.5 LTS
                  Operating System:           linux
                  Architecture:               amd64
                  Container Runtime Version:  containerd://1.7.24
                  Kubelet Version:            v1.32.4
                  Kube-Proxy Version:         v1.32.4
                PodCIDR:                      10.244.1.0/24
                PodCIDRs:                     10.244.1.0/24
                Non-terminated Pods:          (1 in total)
                  Namespace                   Name                CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
                  ---------                   ----                ------------  ----------  ---------------  -------------  ---
                  kube-system                 kube-proxy-[..]    0 (0%)        0 (0%)      0 (0%)           0 (0%)         2d
                Allocated resources:
                  (Total limits may be over 100 percent, i.e., overcommitted.)
                  Resource           Requests  Limits
                  --------           --------  ------
                  cpu                0 (0%)    0 (0%)
                  memory             0 (0%)    0 (0%)
                  ephemeral-storage  0 (0%)    0 (0%)
                  hugepages-1Gi      0 (0%)    0 (0%)
                  hugepages-2Mi      0 (0%)    0 (0%)
                Events:              <none>
                """, new Transcript().run("kubectl describe node worker1"));
    }

    @Test
    void controlPlanePodsAddUpAsShareOfAllocatable() {
        String out = new Transcript().run("kubectl describe nodes master");
        assertEquals("""
                Roles:              control-plane
                """, out.substring(out.indexOf("Roles:"), out.indexOf("Labels:")));
        assertEquals("Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n",
                out.substring(out.indexOf("Taints:"), out.indexOf("Unschedulable:")));
        // 70Mi of 3996Mi allocatable is 1.75%, truncated as Go's int64() does.
        assertEquals("""
                  kube-system                 coredns-668d6bf9bc-djzbx          100m (5%)     0 (0%)      70Mi (1%)        170Mi (4%)     2d
                """, out.lines().filter(l -> l.contains("coredns-668d6bf9bc-djzbx")).findFirst().orElseThrow() + "\n");
        assertEquals("""
                  Resource           Requests    Limits
                  --------           --------    ------
                  cpu                850m (42%)  0 (0%)
                  memory             240Mi (6%)  340Mi (8%)
                """, out.substring(out.indexOf("  Resource"), out.indexOf("  ephemeral-storage", out.indexOf("  Resource"))));
    }

    @Test
    void defaultNamespace() {
        assertEquals("""
                Name:         default
                Labels:       kubernetes.io/metadata.name=default
                Annotations:  <none>
                Status:       Active

                No resource quota.

                No LimitRange resource.
                """, new Transcript().run("kubectl describe ns default"));
    }

    @Test
    void severalObjectsAreSeparatedByTwoNewlines() {
        String out = new Transcript().run("kubectl describe namespace/default namespace/kube-public");
        assertEquals("No LimitRange resource.\n\n\nName:         kube-public\n",
                out.substring(out.indexOf("No LimitRange"), out.indexOf("Labels:", out.indexOf("kube-public"))));
    }

    @Test
    void missingNamespace() {
        assertEquals("[stderr] Error from server (NotFound): namespaces \"dev\" not found\n",
                new Transcript().run("kubectl describe namespace dev"));
    }
}
