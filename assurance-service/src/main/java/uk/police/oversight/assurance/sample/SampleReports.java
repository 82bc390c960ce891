package uk.police.oversight.assurance.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.police.oversight.assurance.api.SampleReportView;

/** A sample's findings counted by grade, stratum and flag: nothing about any one case. */
final class SampleReports {

    private SampleReports() {
    }

    static SampleReportView of(AssuranceSample sample, Map<String, Integer> populations, List<SampleCase> cases,
            Map<String, CaseFinding> findings) {
        Map<String, Integer> byGrade = grades();
        Map<String, Integer> byFlag = new LinkedHashMap<>();
        for (FindingFlag flag : FindingFlag.values()) {
            byFlag.put(flag.name(), 0);
        }
        Map<String, int[]> strata = new TreeMap<>();
        Map<String, Map<String, Integer>> gradesPerStratum = new TreeMap<>();
        populations.keySet().forEach(s -> {
            strata.put(s, new int[2]);
            gradesPerStratum.put(s, grades());
        });
        for (SampleCase c : cases) {
            String stratum = c.stratum == null ? "ALL" : c.stratum;
            int[] counts = strata.computeIfAbsent(stratum, s -> new int[2]);
            Map<String, Integer> grades = gradesPerStratum.computeIfAbsent(stratum, s -> grades());
            counts[0]++;
            CaseFinding finding = findings.get(c.caseRef);
            if (finding != null) {
                counts[1]++;
                byGrade.merge(finding.grade.name(), 1, Integer::sum);
                grades.merge(finding.grade.name(), 1, Integer::sum);
                for (String flag : finding.flags) {
                    byFlag.merge(flag, 1, Integer::sum);
                }
            }
        }
        return new SampleReportView(sample.id, sample.title, cases.size(), findings.size(), byGrade,
                strata.entrySet().stream().map(e -> new SampleReportView.StratumCounts(e.getKey(), e.getValue()[0],
                        e.getValue()[1], gradesPerStratum.get(e.getKey()))).toList(), byFlag);
    }

    private static Map<String, Integer> grades() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            counts.put(g.name(), 0);
        }
        return counts;
    }
}
