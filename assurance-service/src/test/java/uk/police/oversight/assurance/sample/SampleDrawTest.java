package uk.police.oversight.assurance.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleDrawTest {

    @Test
    void theKeyIsTheHexSha256OfSeedColonOffenderId() {
        // printf '%s' 'panel-2022-07:00000000-0000-0000-0000-000000000001' | sha256sum
        assertEquals("2bfd5ac804b27c3253b234a2f47f5d2c093262179805c3922f682658d0d7113f",
                SampleDraw.key("panel-2022-07", UUID.fromString("00000000-0000-0000-0000-000000000001")));
    }

    @Test
    void withoutStrataTheSampleIsTheLowestKeys() {
        List<SampleDraw.Candidate> population = population(200, new Random(1), List.of());
        List<SampleDraw.Drawn> drawn = SampleDraw.draw("seed-a", population, 12, false);
        List<String> lowest = population.stream().map(c -> SampleDraw.key("seed-a", c.offenderId())).sorted().limit(12).toList();
        assertEquals(lowest, drawn.stream().map(SampleDraw.Drawn::key).toList());
        assertEquals(drawn, SampleDraw.draw("seed-a", reversed(population), 12, false), "the order of the population does not matter");
        assertTrue(!drawn.equals(SampleDraw.draw("seed-b", population, 12, false)), "another seed, another sample");
    }

    @Test
    void aSampleLargerThanItsPopulationIsTheWholePopulation() {
        List<SampleDraw.Candidate> population = population(5, new Random(2), List.of("HIGH", "LOW"));
        assertEquals(5, SampleDraw.draw("s", population, 50, false).size());
        assertEquals(5, SampleDraw.draw("s", population, 50, true).size());
    }

    @Test
    void withStrataEachStratumGivesItsLowestKeysInProportion() {
        List<SampleDraw.Candidate> population = population(300, new Random(3), List.of("VERY_HIGH", "HIGH", "MEDIUM", "LOW"));
        Map<String, Integer> sizes = population.stream().collect(Collectors.groupingBy(SampleDraw.Candidate::stratum,
                TreeMap::new, Collectors.summingInt(c -> 1)));
        Map<String, Integer> shares = SampleDraw.allocate(sizes, 20);
        assertEquals(20, shares.values().stream().mapToInt(Integer::intValue).sum());
        List<SampleDraw.Drawn> drawn = SampleDraw.draw("strata", population, 20, true);
        for (String stratum : sizes.keySet()) {
            List<String> lowest = population.stream().filter(c -> c.stratum().equals(stratum))
                    .map(c -> SampleDraw.key("strata", c.offenderId())).sorted().limit(shares.get(stratum)).toList();
            assertEquals(lowest, drawn.stream().filter(d -> d.stratum().equals(stratum)).map(SampleDraw.Drawn::key).toList(), stratum);
            double quota = 20.0 * sizes.get(stratum) / 300;
            assertTrue(Math.abs(shares.get(stratum) - quota) < 1, stratum + " gets its quota rounded: " + quota + " → " + shares.get(stratum));
        }
        assertEquals(drawn.stream().map(SampleDraw.Drawn::key).sorted().toList(), drawn.stream().map(SampleDraw.Drawn::key).toList(),
                "cases in key order");
    }

    @Test
    void largestRemainderWithTiesToTheLargerStratumThenByName() {
        // Quotas 3.5, 3.5, 3.0: 3 each and one seat for the tied remainders of A and B, both of 7, so to the name first.
        assertEquals(Map.of("A", 4, "B", 3, "C", 3), SampleDraw.allocate(ordered("B", 7, "A", 7, "C", 6), 10));
        // Quotas 1.875 and 1.125: the seat left goes to the larger remainder.
        assertEquals(Map.of("A", 2, "B", 1), SampleDraw.allocate(ordered("A", 5, "B", 3), 3));
        // Quotas 0.25, 0.25, 0.5.
        assertEquals(Map.of("A", 0, "B", 0, "C", 1), SampleDraw.allocate(ordered("A", 2, "B", 2, "C", 4), 1));
        // Quotas 0.75, 0.25, 0.5, 0.5: A, then the tie of C and D (the same size) to the name first.
        assertEquals(Map.of("A", 1, "B", 0, "C", 1, "D", 0), SampleDraw.allocate(ordered("A", 3, "B", 1, "C", 2, "D", 2), 2));
        // Quotas 1/3, 1, 2/3: B has its whole seat, the one left goes to C's remainder.
        assertEquals(Map.of("A", 0, "B", 1, "C", 1), SampleDraw.allocate(ordered("A", 1, "B", 3, "C", 2), 2));
        // Quotas exactly 1 and 2: nothing to share out.
        assertEquals(Map.of("A", 1, "B", 2), SampleDraw.allocate(ordered("A", 2, "B", 4), 3));
        // Quotas 0.5, 1, 1.5: one seat for the tied remainders of A and C, to the larger stratum, C.
        assertEquals(Map.of("A", 0, "B", 1, "C", 2), SampleDraw.allocate(ordered("A", 2, "B", 4, "C", 6), 3));
    }

    @Test
    void anEmptyPopulationDrawsNothing() {
        assertEquals(List.of(), SampleDraw.draw("s", List.of(), 10, true));
        assertEquals(List.of(), SampleDraw.draw("s", List.of(), 10, false));
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    private static List<SampleDraw.Candidate> population(int n, Random random, List<String> strata) {
        List<SampleDraw.Candidate> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new SampleDraw.Candidate(new UUID(random.nextLong(), random.nextLong()),
                    strata.isEmpty() ? null : strata.get(random.nextInt(strata.size()))));
        }
        return all;
    }

    private static List<SampleDraw.Candidate> reversed(List<SampleDraw.Candidate> population) {
        List<SampleDraw.Candidate> copy = new ArrayList<>(population);
        copy.sort(Comparator.comparing((SampleDraw.Candidate c) -> c.offenderId()).reversed());
        return copy;
    }
}
