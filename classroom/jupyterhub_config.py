# A kubetutor classroom on one machine: JupyterHub 3 starts each learner's notebook server in a
# container of classroom/Dockerfile's image (DockerSpawner), with the memory and CPU a learner
# needs as benchmarks/classroom measured it (classroom/README.md has the figures).
#   pip install dockerspawner jupyterhub-idle-culler   (past one machine: Zero to JupyterHub, classroom/README.md)
#   docker build -f classroom/Dockerfile -t kubetutor-singleuser .
#   jupyterhub -f classroom/jupyterhub_config.py
import os

c = get_config()  # noqa: F821 (JupyterHub's config loader defines it)

c.JupyterHub.spawner_class = "dockerspawner.DockerSpawner"
c.DockerSpawner.image = os.environ.get("KUBETUTOR_IMAGE", "kubetutor-singleuser")
# The containers reach the hub through docker's bridge (docker0's address), not the host's loopback;
# the proxy reaches each container on the port docker publishes on 127.0.0.1.
c.JupyterHub.hub_ip = "0.0.0.0"
c.JupyterHub.hub_connect_ip = os.environ.get("KUBETUTOR_HUB_CONNECT_IP", "172.17.0.1")
c.DockerSpawner.network_name = os.environ.get("KUBETUTOR_NETWORK", "bridge")
c.DockerSpawner.remove = True  # a stopped server's container goes; the learner's volume stays
c.DockerSpawner.notebook_dir = "/home/jovyan"
c.DockerSpawner.volumes = {"kubetutor-{username}": "/home/jovyan"}  # notebooks and ~/.kubetutor/progress.json
c.Spawner.default_url = "/tree/notebooks"

# A learner is a notebook server (about 110 MB) and one kubetutor kernel per open notebook
# (about 70 MB idle after a lesson; its heap is capped at 192 MB, so a kernel never takes more
# than about 330 MB). The guarantee holds a server and two kernels; the limit lets a busy kernel
# reach its cap next to another notebook.
c.Spawner.mem_guarantee = "256M"
c.Spawner.mem_limit = "512M"
# A cell is a few milliseconds of simulation; the start of a kernel (a JVM) is the only burst.
c.Spawner.cpu_guarantee = 0.1
c.Spawner.cpu_limit = 1.0
# Kernel start-up with a whole class logging in at once is slow on a small machine (JVMs start
# together): give spawns time, and let a class start together.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 120
c.JupyterHub.concurrent_spawn_limit = 50

# Who may log in: replace with your school's authenticator (OAuth, LDAP, ...). The class list
# below is read from a file with one user name a line; the instructor is an admin.
c.JupyterHub.authenticator_class = os.environ.get("KUBETUTOR_AUTHENTICATOR", "dummy")
c.DummyAuthenticator.password = os.environ.get("KUBETUTOR_CLASS_PASSWORD", "")
if c.JupyterHub.authenticator_class == "dummy" and not c.DummyAuthenticator.password:
    raise SystemExit("set KUBETUTOR_CLASS_PASSWORD (the class's shared password) or KUBETUTOR_AUTHENTICATOR")
class_list = os.environ.get("KUBETUTOR_CLASS_LIST")
if class_list:
    with open(class_list) as f:
        c.Authenticator.allowed_users = {line.strip() for line in f if line.strip()}
c.Authenticator.admin_users = {os.environ.get("KUBETUTOR_INSTRUCTOR", "instructor")}

# Idle servers go after an hour (the kernel's cluster is in memory; progress is on the volume).
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": ["python3", "-m", "jupyterhub_idle_culler", "--timeout=3600"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
