package uk.police.oversight.assurance.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.police.oversight.common.problem.FieldError;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.common.problem.ProblemType;
import uk.police.oversight.common.web.ETags;

/** The force's RAG thresholds: one set, versioned, replaced whole with If-Match. */
@ApplicationScoped
@Transactional
public class Thresholds {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** The thresholds and the version their ETag carries. */
    public record ThresholdSet(long version, List<Threshold> thresholds) {

        public Map<Metric, Threshold> byMetric() {
            Map<Metric, Threshold> map = new EnumMap<>(Metric.class);
            thresholds.forEach(t -> map.put(t.metric(), t));
            return map;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ThresholdSet current() {
        long version = ((Number) em.createNativeQuery("select version from threshold_set where id = 1").getSingleResult()).longValue();
        List<Threshold> thresholds = new ArrayList<>();
        for (Object row : em.createNativeQuery("select metric, better, green, amber from performance_threshold order by metric").getResultList()) {
            Object[] r = (Object[]) row;
            thresholds.add(new Threshold(Metric.of((String) r[0]), Metric.Better.valueOf((String) r[1]),
                    ((BigDecimal) r[2]).doubleValue(), ((BigDecimal) r[3]).doubleValue()));
        }
        thresholds.sort(java.util.Comparator.comparing(Threshold::metric));
        return new ThresholdSet(version, thresholds);
    }

    /** Replaces every threshold; 428 without If-Match, 412 when it is stale, 422 for a set that does not make sense. */
    public ThresholdSet replace(List<Threshold> thresholds, String ifMatch, String by) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send the ETag of the thresholds you read in If-Match, so that nobody's change is lost");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<Metric> seen = new HashSet<>();
        for (int i = 0; i < thresholds.size(); i++) {
            Threshold t = thresholds.get(i);
            String at = "thresholds[" + i + "]";
            if (!seen.add(t.metric())) {
                errors.add(new FieldError(at + ".metric", "appears more than once"));
            }
            if (t.metric() == Metric.IN_SCOPE) {
                errors.add(new FieldError(at + ".metric", "inScope is a count of people, not a performance measure"));
            }
            if (t.metric().isRate() && (t.green() < 0 || t.green() > 1 || t.amber() < 0 || t.amber() > 1)) {
                errors.add(new FieldError(at, "a rate's thresholds are between 0 and 1"));
            }
            if (!t.metric().isRate() && (t.green() < 0 || t.amber() < 0 || t.green() > 100_000 || t.amber() > 100_000)) {
                errors.add(new FieldError(at, "thresholds are between 0 and 100000"));
            }
            if (t.metric().naturalDirection() != null && t.better() != t.metric().naturalDirection()) {
                errors.add(new FieldError(at + ".better", "for " + t.metric().label() + " " + t.metric().naturalDirection() + " is better"));
            }
            if (!t.atLeastAsGood(t.green(), t.amber())) {
                errors.add(new FieldError(at + ".amber", "must not be better than green"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        long version = ((Number) em.createNativeQuery("select version from threshold_set where id = 1 for update")
                .getSingleResult()).longValue();
        ETags.checkIfMatch(ifMatch, version);
        em.createNativeQuery("delete from performance_threshold").executeUpdate();
        for (Threshold t : thresholds) {
            em.createNativeQuery("insert into performance_threshold (metric, better, green, amber) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, t.metric().label()).setParameter(2, t.better().name())
                    .setParameter(3, BigDecimal.valueOf(t.green())).setParameter(4, BigDecimal.valueOf(t.amber())).executeUpdate();
        }
        em.createNativeQuery("update threshold_set set version = version + 1, changed_by = ?1, changed_at = ?2 where id = 1")
                .setParameter(1, by).setParameter(2, clock.instant()).executeUpdate();
        return current();
    }
}
