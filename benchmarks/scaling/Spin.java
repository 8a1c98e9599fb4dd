/**
 * A compute-only loop (no memory traffic): its CPU time per round alone and with a twin on the other core, to tell a
 * machine whose cores slow each other down (shared execution units, a lower clock with both busy) from a program
 * that does (docs/PERFORMANCE.md, session 9: 0.507-0.512 s a round alone, 0.494-0.496 s each side by side).
 * Usage: cd benchmarks/scaling && javac -d /tmp/spin Spin.java && java -cp /tmp/spin Spin A
 *   and side by side: (java -cp /tmp/spin Spin A & java -cp /tmp/spin Spin B; wait)
 */
public class Spin {
  public static void main(String[] a) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double x = 1.0001, s = 0;
    for (int r = 0; r < 8; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < 300_000_000; i++) { s += x; x = x * 1.0000001 + 1e-9; }
      System.out.printf("%s round %d: %.3f s CPU%n", a.length > 0 ? a[0] : "", r, (mx.getCurrentThreadCpuTime() - t0) / 1e9);
    }
    System.out.println(s);
  }
}
