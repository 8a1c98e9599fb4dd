package io.plansim.runner;

/** Seeds for independent streams derived from one user seed: SplitMix64 finalizers over (seed, stream). */
final class Seeds {
    private Seeds() {
    }

    static long[] mix(long seed, long stream) {
        long a = splitmix(seed ^ splitmix(stream + 0x632BE59BD9B4E019L));
        long b = splitmix(a + 0x9E3779B97F4A7C15L);
        return new long[] {a, b, splitmix(b), splitmix(a ^ b)};
    }

    private static long splitmix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
