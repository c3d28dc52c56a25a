package kubetutor.engine.api.service;

import kubetutor.engine.sim.Rng;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bitmap allocator's offsets and the order in which it falls back to the reserved band. */
class RandomScanTest {
    @Test
    void theServiceRangeKeepsItsFirst256AddressesForRequests() {
        assertEquals(new RandomScan(1048574, 256), RandomScan.of(Ipv4Range.SERVICES.slots(), 16, 256, 16));
    }

    @Test
    void theNodePortRangeKeepsItsFirst86PortsForRequests() {
        assertEquals(new RandomScan(2768, 86), RandomScan.of(2768, 16, 128, 32));
    }

    @Test
    void aSmallRangeKeepsNothingBack() {
        assertEquals(new RandomScan(14, 0), RandomScan.of(14, 16, 256, 16));
        assertEquals(new RandomScan(100, 16), RandomScan.of(100, 16, 256, 16));
    }

    @Test
    void drawsComeFromTheUpperBandUntilItIsFull() {
        RandomScan scan = new RandomScan(40, 16);
        Rng rng = new Rng(7);
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            int slot = scan.next(rng, taken::contains).getAsInt();
            assertTrue(slot >= 16, "slot " + slot + " from the reserved band too early");
            assertTrue(taken.add(slot));
        }
        for (int i = 0; i < 16; i++) {
            int slot = scan.next(rng, taken::contains).getAsInt();
            assertTrue(slot < 16);
            assertTrue(taken.add(slot));
        }
        assertEquals(OptionalInt.empty(), scan.next(rng, taken::contains));
    }

    @Test
    void addressesSkipTheNetworkAddress() {
        assertEquals("10.96.0.1", Ipv4Range.format(Ipv4Range.SERVICES.address(0)));
        assertEquals(9, Ipv4Range.SERVICES.slotOf(Ipv4Range.parse4("10.96.0.10").orElseThrow()));
        assertEquals(-1, Ipv4Range.SERVICES.slotOf(Ipv4Range.parse4("10.112.0.0").orElseThrow()));
        assertEquals(-1, Ipv4Range.SERVICES.slotOf(Ipv4Range.parse4("10.111.255.255").orElseThrow()));
        assertEquals("10.111.255.254", Ipv4Range.format(Ipv4Range.SERVICES.address(Ipv4Range.SERVICES.slots() - 1)));
    }
}
