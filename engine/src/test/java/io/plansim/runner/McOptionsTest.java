package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The block count of a run, up to the largest path count a long holds (it overflowed to a negative count). */
class McOptionsTest {
    @Test
    void blocksCoverEveryPathWithoutOverflow() {
        assertEquals(1, new McOptions(1, 1, Sampler.MC, 1, 2048).blocks());
        assertEquals(1, new McOptions(2048, 1, Sampler.MC, 1, 2048).blocks());
        assertEquals(2, new McOptions(2049, 1, Sampler.MC, 1, 2048).blocks());
        assertEquals(Long.MAX_VALUE / 2048 + 1, new McOptions(Long.MAX_VALUE, 1, Sampler.MC, 1, 2048).blocks());
    }
}
