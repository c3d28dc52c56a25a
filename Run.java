import kubetutor.engine.session.*;
import kubetutor.engine.output.*;
import kubetutor.engine.sim.Pacer;
import java.nio.file.*;
public class Run {
  public static void main(String[] a) throws Exception {
    Path ws = Path.of(a.length > 0 ? a[0] : "/tmp/kt/ws"); Files.createDirectories(ws);
    Session s = new Session(new SessionOptions(1, null, ws));
    var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
    StringBuilder pending = new StringBuilder(); String line;
    while ((line = in.readLine()) != null) {
      pending.append(line).append('\n');
      if (kubetutor.engine.command.ScriptReader.check(pending.toString()) == kubetutor.engine.command.ScriptReader.Completeness.COMPLETE) {
        String t = pending.toString(); pending.setLength(0);
        System.out.print("$ " + t);
        int rc = s.execute(t, o -> System.out.print(PlainText.render(o)), Pacer.IMMEDIATE);
        if (rc != 0) System.out.println("[rc=" + rc + "]");
      }
    }
  }
}
