package uk.police.oversight.assurance.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The draw of an assurance sample, {@code sha256-rank-v1} (SPEC section 9, docs/assurance.md), reproducible by anyone
 * who has the seed and the population: each candidate's key is the lowercase hex SHA-256 of {@code seed + ":" +
 * offenderId}; candidates are ranked by key; without strata the sample is the first {@code size}; with strata, the
 * size is shared in proportion to the strata's populations (largest remainder, ties to the larger stratum, then by
 * name) and each stratum gives its lowest keys.
 */
public final class SampleDraw {

    public static final String ALGORITHM = "sha256-rank-v1";

    private SampleDraw() {
    }

    /** A member of the population: an offender and their stratum (null when the draw has no strata). */
    public record Candidate(UUID offenderId, String stratum) {
    }

    /** A drawn case, with the key that ranked it. */
    public record Drawn(UUID offenderId, String stratum, String key) {
    }

    public static String key(String seed, UUID offenderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((seed + ":" + offenderId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** The drawn cases, lowest key first. */
    public static List<Drawn> draw(String seed, List<Candidate> population, int size, boolean stratified) {
        List<Drawn> ranked = population.stream().map(c -> new Drawn(c.offenderId(), c.stratum(), key(seed, c.offenderId())))
                .sorted(Comparator.comparing(Drawn::key)).toList();
        if (!stratified) {
            return ranked.subList(0, Math.min(size, ranked.size()));
        }
        Map<String, List<Drawn>> byStratum = ranked.stream()
                .collect(Collectors.groupingBy(Drawn::stratum, TreeMap::new, Collectors.toList()));
        Map<String, Integer> populations = new LinkedHashMap<>();
        byStratum.forEach((stratum, members) -> populations.put(stratum, members.size()));
        Map<String, Integer> shares = allocate(populations, size);
        List<Drawn> drawn = new ArrayList<>();
        shares.forEach((stratum, share) -> drawn.addAll(byStratum.get(stratum).subList(0, share)));
        drawn.sort(Comparator.comparing(Drawn::key));
        return drawn;
    }

    /**
     * {@code size} shared across strata in proportion to their populations: each gets the whole part of its quota,
     * and the seats left go to the largest remainders, ties to the larger stratum, then to the name first in order.
     */
    public static Map<String, Integer> allocate(Map<String, Integer> populations, int size) {
        long total = populations.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, Integer> shares = new TreeMap<>();
        if (total == 0) {
            populations.keySet().forEach(s -> shares.put(s, 0));
            return shares;
        }
        long seats = Math.min(size, total);
        long given = 0;
        // The remainder of seats * population / total, as an exact numerator over total.
        Map<String, Long> remainders = new TreeMap<>();
        for (Map.Entry<String, Integer> e : populations.entrySet()) {
            long product = seats * e.getValue();
            shares.put(e.getKey(), (int) (product / total));
            remainders.put(e.getKey(), product % total);
            given += product / total;
        }
        List<String> order = new ArrayList<>(populations.keySet());
        order.sort(Comparator.<String>comparingLong(remainders::get).reversed()
                .thenComparing(Comparator.<String>comparingInt(populations::get).reversed())
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; given < seats; i++) {
            String stratum = order.get(i % order.size());
            if (shares.get(stratum) < populations.get(stratum)) {
                shares.merge(stratum, 1, Integer::sum);
                given++;
            }
        }
        return shares;
    }
}
