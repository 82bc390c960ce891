package uk.police.oversight.local.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo force: a synthetic force shaped like Avon and Somerset (SPEC section 7). Every name, address and PNC id
 * is made up. Generated deterministically from a fixed seed: the same {@code today} gives the same data, and the
 * figures as of {@link #AS_OF} are the same whatever {@code today} is.
 *
 * <p>The figures are built, not hoped for. Each offender in scope on 2022-06-30 is given a designed last completed
 * home visit on or before that date: {@link #OVERDUE_VISITS} of them so that their due date falls before it (by a
 * designed number of days, the oldest {@link #OLDEST_DAYS_OVERDUE}), every other one so that it does not. Visits after
 * 2022-06-30 carry the history on to {@code today}, where only a few offenders are overdue, so that the notifications
 * the compliance scan sends today stay few enough to read. Risk assessments are recent for everyone but
 * {@link #OVERDUE_REVIEWS} offenders in the community, whose last one is older than a year before 2022-06-30.
 * visit-scheduler's {@code DemoForceRuleTest} checks all of this against the overdue rule itself.
 */
public final class DemoForce {

    /** The date the demo's figures are quoted for. */
    public static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);
    public static final int OFFENDERS = 1521;
    public static final int OVERDUE_VISITS = 217;
    public static final int OVERDUE_REVIEWS = 151;
    public static final int OLDEST_DAYS_OVERDUE = 243;
    /** No visit history is generated before this date. */
    static final LocalDate HISTORY_FROM = LocalDate.of(2018, 1, 2);
    static final int FIRST_VISIT_WITHIN_DAYS = 28;

    public record Area(String code, String name) {
    }

    public record Staff(String staffNumber, String name, String email, String role, String areaCode) {
    }

    public record Address(String line1, String town, String postcode) {
    }

    public record Offender(String pncId, String firstName, String lastName, LocalDate dateOfBirth, Address address,
            int mappaCategory, int mappaLevel, String riskLevel, String managementMode, String status, LocalDate statusSince,
            String areaCode, String managerStaffNumber, LocalDate registeredOn, LocalDate notificationEndsOn,
            Integer visitIntervalMonths, LocalDate lastRiskAssessmentOn) {
    }

    public record Visit(String pncId, LocalDate visitDate, String type, String outcome, boolean announced, String notes,
            String externalRef) {
    }

    private static final String[] FIRST_NAMES = {"Aaron", "Adam", "Aiden", "Alan", "Alfie", "Andrew", "Anthony", "Barry",
        "Ben", "Bradley", "Callum", "Carl", "Carol", "Chris", "Colin", "Connor", "Craig", "Dale", "Damian", "Dan", "Darren",
        "David", "Dean", "Declan", "Derek", "Dominic", "Dylan", "Eddie", "Ellis", "Frank", "Gareth", "Gary", "Gavin",
        "Glen", "Graham", "Harvey", "Ian", "Jack", "Jamie", "Jason", "Jayden", "Jodie", "Joel", "Jordan", "Karl", "Keith",
        "Kevin", "Kieran", "Lee", "Leon", "Liam", "Lewis", "Louise", "Luke", "Marcus", "Mark", "Martin", "Mason", "Neil",
        "Nathan", "Nigel", "Owen", "Paul", "Peter", "Philip", "Reece", "Rhys", "Rob", "Ross", "Ryan", "Scott", "Sean",
        "Shane", "Simon", "Stacey", "Stuart", "Terry", "Toby", "Tom", "Tony", "Travis", "Tyler", "Vince", "Wayne"};
    private static final String[] LAST_NAMES = {"Abbott", "Ashdown", "Bagley", "Barnard", "Blackmore", "Bramwell",
        "Brinsley", "Carver", "Catterall", "Chilcott", "Coombes", "Crane", "Dampier", "Denning", "Durston", "Eastcott",
        "Farley", "Fenwick", "Fudge", "Gannaway", "Gullick", "Hallett", "Harptree", "Hembury", "Hobday", "Ilsley",
        "Jeffery", "Keedwell", "Kingdon", "Lavington", "Loxton", "Maddock", "Marwood", "Membury", "Norville", "Oakhill",
        "Padfield", "Parrett", "Pitcombe", "Quantock", "Redvers", "Ruddle", "Sealy", "Selwood", "Shapwick", "Stallard",
        "Tapscott", "Thorne", "Tidball", "Upcott", "Vowles", "Walrond", "Wedlake", "Westcombe", "Whitlock", "Winsor",
        "Yeandle", "Yeo"};
    private static final String[] STREETS = {"Ashley Road", "Church Lane", "Mill Street", "Station Road", "Park View",
        "Orchard Close", "Victoria Terrace", "High Street", "Quarry Lane", "Meadow Way", "Brook Street", "Elm Grove",
        "Chapel Row", "Kingsway", "Northfield Avenue", "Southgate", "Vicarage Road", "Westfield Drive"};
    private static final Map<String, String[]> TOWNS = Map.of(
            "BRS", new String[] {"Bristol"},
            "NES", new String[] {"Bath", "Keynsham", "Midsomer Norton", "Radstock", "Peasedown St John"},
            "SOM", new String[] {"Taunton", "Yeovil", "Bridgwater", "Weston-super-Mare", "Frome", "Minehead"});
    private static final Map<String, String> POSTCODE = Map.of("BRS", "BS", "NES", "BA", "SOM", "TA");
    private static final String CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY";
    private static final String EMAIL_DOMAIN = "demo-force.police.example";

    private final List<Area> areas = List.of(new Area("BRS", "Bristol"), new Area("NES", "North East"),
            new Area("SOM", "Somerset"));
    private final List<Staff> staff = new ArrayList<>();
    private final List<Offender> offenders = new ArrayList<>();
    private final List<Visit> visits = new ArrayList<>();
    private static final long SEED = 20_220_630L;
    /**
     * Where the generator draws from: the force's one sequence while it decides who is who, then, in {@link #build},
     * one sequence per offender for their record up to AS_OF (so that it is the same whatever day the force is
     * generated) and another for what happened after.
     */
    private Random random = new Random(SEED);
    private final LocalDate today;
    private final LocalDate latest;

    private DemoForce(LocalDate today) {
        if (!today.isAfter(AS_OF.plusYears(1))) {
            throw new IllegalArgumentException("The demo force needs a today after " + AS_OF.plusYears(1));
        }
        this.today = today;
        // Nothing is dated later than the day before yesterday, so that no service, in any time zone, sees a future date.
        this.latest = today.minusDays(2);
    }

    /** Generates the demo force as its records stand on {@code today}. */
    public static DemoForce generate(LocalDate today) {
        DemoForce force = new DemoForce(today);
        force.generateStaff();
        force.generateOffenders();
        return force;
    }

    /** The demo force's staff alone (the same as in every generated force), without generating the rest. */
    public static List<Staff> staffOnly() {
        DemoForce force = new DemoForce(AS_OF.plusYears(2));
        force.generateStaff();
        return force.staff();
    }

    public List<Area> areas() {
        return areas;
    }

    public List<Staff> staff() {
        return Collections.unmodifiableList(staff);
    }

    public List<Offender> offenders() {
        return Collections.unmodifiableList(offenders);
    }

    public List<Visit> visits() {
        return Collections.unmodifiableList(visits);
    }

    public LocalDate today() {
        return today;
    }

    // --- staff ---------------------------------------------------------------------------------------------------

    private static final Map<String, Integer> MANAGERS = Map.of("BRS", 13, "NES", 8, "SOM", 9);
    private static final Map<String, Integer> OFFENDERS_IN = Map.of("BRS", 700, "NES", 365, "SOM", 456);

    private void generateStaff() {
        Set<String> names = new HashSet<>();
        for (Area area : areas) {
            for (int i = 1; i <= 2; i++) {
                staff.add(person(area.code(), "S", i, "SUPERVISOR", "DS", names));
            }
            for (int i = 1; i <= MANAGERS.get(area.code()); i++) {
                staff.add(person(area.code(), "M", i, "OFFENDER_MANAGER", "DC", names));
            }
        }
    }

    private Staff person(String area, String kind, int number, String role, String rank, Set<String> taken) {
        String first;
        String last;
        do {
            first = pick(FIRST_NAMES);
            last = pick(LAST_NAMES);
        } while (!taken.add(first + " " + last));
        String staffNumber = "%s-%s%02d".formatted(area, kind, number);
        String email = (first + "." + last).toLowerCase() + "@" + EMAIL_DOMAIN;
        return new Staff(staffNumber, rank + " " + first + " " + last, email, role, area);
    }

    private List<String> managers(String area) {
        return staff.stream().filter(s -> s.areaCode().equals(area) && s.role().equals("OFFENDER_MANAGER"))
                .map(Staff::staffNumber).toList();
    }

    // --- offenders -------------------------------------------------------------------------------------------------

    /** What the offender's record is designed to show. */
    private enum Design {
        /** Out of scope on 2022-06-30 (custody, hospital, abroad, missing, reactive, or registered later). */
        OUT_OF_SCOPE,
        COMPLIANT,
        /** Compliant on 2022-06-30 because registered in the 28 days before it and not yet visited. */
        NEW_NOT_YET_DUE,
        OVERDUE,
        /** Overdue on 2022-06-30 since returning from custody: due 28 days after coming back, not visited since. */
        OVERDUE_SINCE_RETURN,
        /** Overdue on 2022-06-30 with no visit since registration. */
        OVERDUE_NEVER_VISITED
    }

    private void generateOffenders() {
        List<String> risks = new ArrayList<>();
        add(risks, "VERY_HIGH", 30);
        add(risks, "HIGH", 274);
        add(risks, "MEDIUM", 456);
        add(risks, "LOW", 761);
        Collections.shuffle(risks, random);
        List<String> areaOf = new ArrayList<>();
        OFFENDERS_IN.keySet().stream().sorted().forEach(code -> add(areaOf, code, OFFENDERS_IN.get(code)));
        Collections.shuffle(areaOf, random);
        List<String> statuses = new ArrayList<>();
        add(statuses, "IN_CUSTODY", 84);
        add(statuses, "IN_HOSPITAL", 9);
        add(statuses, "ABROAD", 6);
        add(statuses, "MISSING", 7);
        add(statuses, "IN_COMMUNITY", OFFENDERS - statuses.size());
        Collections.shuffle(statuses, random);

        // First pass: who is who, and who is in scope on 2022-06-30.
        List<Draft> drafts = new ArrayList<>();
        Map<String, Integer> managerTurn = new LinkedHashMap<>();
        Set<String> pncIds = new HashSet<>();
        for (int i = 0; i < OFFENDERS; i++) {
            Draft d = new Draft();
            d.index = i;
            d.risk = risks.get(i);
            d.area = areaOf.get(i);
            d.status = statuses.get(i);
            List<String> inArea = managers(d.area);
            int turn = managerTurn.merge(d.area, 1, Integer::sum);
            d.manager = inArea.get(turn % inArea.size());
            d.reactive = d.risk.equals("LOW") && random.nextInt(100) < 30;
            d.registeredLater = random.nextInt(1000) < 55;
            d.pncId = pncId(pncIds);
            // A few risk management plans set their own interval: every 2 months for some high, 4 for some medium.
            if (d.risk.equals("HIGH") && random.nextInt(100) < 6) {
                d.intervalOverride = 2;
            } else if (d.risk.equals("MEDIUM") && random.nextInt(100) < 3) {
                d.intervalOverride = 4;
            }
            drafts.add(d);
        }
        List<Draft> inScope = drafts.stream()
                .filter(d -> d.status.equals("IN_COMMUNITY") && !d.reactive && !d.registeredLater).toList();
        List<Draft> shuffled = new ArrayList<>(inScope);
        Collections.shuffle(shuffled, random);
        // The eight-months-overdue offender of the story is a high-risk one on the national interval.
        Draft oldest = shuffled.stream().filter(d -> d.risk.equals("HIGH") && d.intervalOverride == null).findFirst()
                .orElseThrow();
        shuffled.remove(oldest);
        shuffled.add(0, oldest);
        for (Draft d : drafts) {
            d.design = Design.OUT_OF_SCOPE;
        }
        for (Draft d : shuffled) {
            d.design = Design.COMPLIANT;
        }
        // The overdue ones: the oldest first, then by band (1-30, 31-90, 91-180, 181+), then the odd cases.
        List<Integer> overdueDays = new ArrayList<>();
        overdueDays.add(OLDEST_DAYS_OVERDUE);
        addDays(overdueDays, 84, 1, 30);
        addDays(overdueDays, 71, 31, 90);
        addDays(overdueDays, 46, 91, 180);
        addDays(overdueDays, 15, 181, 236);
        int next = 0;
        for (int days : overdueDays) {
            Draft d = shuffled.get(next++);
            d.design = Design.OVERDUE;
            d.daysOverdue = days;
        }
        // Some of the overdue are so because they came back from custody, or were never visited at all.
        for (int k = 1; k <= 8; k++) {
            shuffled.get(k * 20).design = Design.OVERDUE_SINCE_RETURN;
        }
        for (int k = 1; k <= 5; k++) {
            shuffled.get(k * 20 + 7).design = Design.OVERDUE_NEVER_VISITED;
        }
        for (int k = 0; k < 9; k++) {
            shuffled.get(OVERDUE_VISITS + k).design = Design.NEW_NOT_YET_DUE;
        }

        // Risk reviews: OVERDUE_REVIEWS offenders in the community whose last assessment is over a year before AS_OF.
        List<Draft> community = new ArrayList<>(drafts.stream()
                .filter(d -> d.status.equals("IN_COMMUNITY") && !d.registeredLater).toList());
        Collections.shuffle(community, random);
        community.stream().filter(d -> d.design != Design.OVERDUE_NEVER_VISITED && d.design != Design.NEW_NOT_YET_DUE)
                .limit(OVERDUE_REVIEWS).forEach(d -> d.staleReview = true);

        for (Draft d : drafts) {
            build(d);
        }
    }

    /** One offender under construction. */
    private static final class Draft {
        int index;
        String pncId;
        String risk;
        String area;
        String status;
        String manager;
        boolean reactive;
        boolean registeredLater;
        boolean staleReview;
        Integer intervalOverride;
        Design design;
        int daysOverdue;
    }

    private void build(Draft d) {
        int interval = d.intervalOverride != null ? d.intervalOverride : switch (d.risk) {
            case "VERY_HIGH" -> 1;
            case "HIGH" -> 3;
            case "MEDIUM" -> 6;
            default -> 12;
        };
        random = new Random(SEED * 1_000_003L + d.index);
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        String[] towns = TOWNS.get(d.area);
        Address address = new Address((1 + random.nextInt(180)) + " " + pick(STREETS), towns[random.nextInt(towns.length)],
                POSTCODE.get(d.area) + (1 + random.nextInt(40)) + " " + (1 + random.nextInt(9))
                        + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)));
        LocalDate dateOfBirth = randomDate(LocalDate.of(1948, 1, 1), LocalDate.of(2002, 12, 31));
        int mappaCategory = random.nextInt(100) < 72 ? 1 : random.nextInt(100) < 95 ? 2 : 3;
        int mappaLevel = d.risk.equals("VERY_HIGH") ? 2 + random.nextInt(2) : random.nextInt(100) < 92 ? 1 : 2;
        int notificationYears = random.nextInt(100) < 35 ? 10 + random.nextInt(6) : 0;

        LocalDate registeredOn;
        LocalDate statusSince;
        LocalDate lastAtAsOf = null;
        List<LocalDate> noAccessAfterLast = new ArrayList<>();
        switch (d.design) {
            case OVERDUE -> {
                LocalDate dueOn = AS_OF.minusDays(d.daysOverdue);
                lastAtAsOf = dueOn.minusMonths(interval);
                registeredOn = randomDate(LocalDate.of(2006, 1, 1), registeredBy(d, lastAtAsOf.minusDays(60)));
                statusSince = registeredOn;
                if (random.nextInt(100) < 30) {
                    // Knocked and got no answer, once or more, since the last completed visit.
                    int attempts = 1 + random.nextInt(3);
                    for (int a = 0; a < attempts; a++) {
                        LocalDate attempt = randomDate(lastAtAsOf.plusDays(1), AS_OF);
                        if (!noAccessAfterLast.contains(attempt)) {
                            noAccessAfterLast.add(attempt);
                        }
                    }
                }
            }
            case OVERDUE_SINCE_RETURN -> {
                int days = 5 + random.nextInt(80);
                statusSince = AS_OF.minusDays(days + FIRST_VISIT_WITHIN_DAYS);
                lastAtAsOf = statusSince.plusDays(FIRST_VISIT_WITHIN_DAYS).minusMonths(interval).minusDays(30 + random.nextInt(200));
                registeredOn = randomDate(LocalDate.of(2006, 1, 1), registeredBy(d, lastAtAsOf.minusDays(60)));
            }
            case OVERDUE_NEVER_VISITED -> {
                int days = 3 + random.nextInt(40);
                registeredOn = AS_OF.minusDays(days + FIRST_VISIT_WITHIN_DAYS);
                statusSince = registeredOn;
            }
            case NEW_NOT_YET_DUE -> {
                registeredOn = AS_OF.minusDays(random.nextInt(FIRST_VISIT_WITHIN_DAYS));
                statusSince = registeredOn;
            }
            case COMPLIANT -> {
                registeredOn = randomDate(LocalDate.of(2006, 1, 1), registeredBy(d, LocalDate.of(2022, 3, 31)));
                // Visited within the last interval, so due on or after AS_OF (28 days never exceed a month).
                lastAtAsOf = AS_OF.minusDays(random.nextInt(28 * interval));
                if (lastAtAsOf.isBefore(registeredOn)) {
                    lastAtAsOf = registeredOn.plusDays(3 + random.nextInt(10));
                }
                // A few came back from custody after their last visit; still due no earlier than before.
                statusSince = random.nextInt(100) < 3 ? lastAtAsOf.plusDays(1 + random.nextInt(10)) : registeredOn;
                if (statusSince.isAfter(AS_OF)) {
                    statusSince = registeredOn;
                }
            }
            default -> {
                // Out of scope on AS_OF: registered later, or not actively managed in the community.
                if (d.registeredLater) {
                    registeredOn = randomDate(AS_OF.plusDays(1), latest.minusDays(60));
                } else {
                    registeredOn = randomDate(LocalDate.of(2006, 1, 1), registeredBy(d, LocalDate.of(2022, 3, 31)));
                }
                statusSince = d.status.equals("IN_COMMUNITY") ? registeredOn
                        : randomDate(max(registeredOn.plusDays(30), LocalDate.of(2021, 1, 1)), latest.minusDays(10));
                if (!d.registeredLater && d.status.equals("IN_COMMUNITY")) {
                    lastAtAsOf = AS_OF.minusDays(random.nextInt(28 * interval));
                    if (lastAtAsOf.isBefore(registeredOn)) {
                        lastAtAsOf = null;
                    }
                }
            }
        }

        // Visits up to AS_OF: a history at about the interval, ending at the designed last completed home visit.
        List<Visit> own = new ArrayList<>();
        boolean activeInCommunity = d.status.equals("IN_COMMUNITY") && !d.reactive;
        if (lastAtAsOf != null) {
            LocalDate v = max(registeredOn.plusDays(3 + random.nextInt(20)), HISTORY_FROM.plusDays(random.nextInt(60)));
            while (v.isBefore(lastAtAsOf.minusDays(14))) {
                historyVisit(d, v, own);
                v = v.plusMonths(interval).minusDays(random.nextInt(14));
            }
            own.add(visit(d, lastAtAsOf, "HOME_VISIT", "COMPLETED"));
        }
        for (LocalDate attempt : noAccessAfterLast) {
            own.add(visit(d, attempt, "HOME_VISIT", "NO_ACCESS"));
        }

        LocalDate lastRiskAssessmentOn = null;
        if (d.staleReview) {
            lastRiskAssessmentOn = randomDate(max(registeredOn, LocalDate.of(2019, 1, 1)), LocalDate.of(2021, 5, 31));
        }

        // Visits after AS_OF, up to today: in custody and the like stopped being visited when they left.
        random = new Random(SEED * 7_000_003L + d.index);
        LocalDate visitedUntil = d.status.equals("IN_COMMUNITY") ? latest : statusSince;
        LocalDate start = d.registeredLater ? registeredOn.plusDays(3 + random.nextInt(20))
                : max(AS_OF.plusDays(1 + random.nextInt(40)), lastAtAsOf == null ? AS_OF.plusDays(1)
                        : lastAtAsOf.plusMonths(interval).minusDays(random.nextInt(14)));
        if (activeInCommunity) {
            LocalDate lastToday = lastVisitToday(interval, start);
            LocalDate v = start;
            while (v.isBefore(lastToday.minusDays(14))) {
                historyVisit(d, v, own);
                v = v.plusMonths(interval).minusDays(random.nextInt(14));
            }
            own.add(visit(d, lastToday, "HOME_VISIT", "COMPLETED"));
        } else {
            LocalDate v = start;
            while (v.isBefore(visitedUntil) && (d.reactive || !d.status.equals("IN_COMMUNITY"))) {
                historyVisit(d, v, own);
                v = v.plusMonths(d.reactive ? 12 : interval).minusDays(random.nextInt(14));
            }
        }
        visits.addAll(own);

        if (!d.staleReview) {
            // Reviewed within the last year: due again after today (and so after AS_OF too).
            lastRiskAssessmentOn = randomDate(max(registeredOn, latest.minusDays(330)), latest);
        }
        // Notification for a fixed term: those whose term ended by next year would no longer be on the register.
        LocalDate notificationEndsOn = notificationYears > 0 ? registeredOn.plusYears(notificationYears) : null;
        if (notificationEndsOn != null && !notificationEndsOn.isAfter(today.plusYears(1))) {
            notificationEndsOn = null;
        }
        offenders.add(new Offender(d.pncId, first, last, dateOfBirth, address, mappaCategory, mappaLevel, d.risk,
                d.reactive ? "REACTIVE" : "ACTIVE", d.status, statusSince, d.area, d.manager, registeredOn, notificationEndsOn,
                d.intervalOverride, lastRiskAssessmentOn));
    }

    /**
     * The last completed home visit as of today: mostly within the interval; about 1 in 60 overdue by up to 90 days,
     * so that today's notifications are a handful, not thousands.
     */
    private LocalDate lastVisitToday(int interval, LocalDate notBefore) {
        LocalDate last;
        if (random.nextInt(60) == 0) {
            last = latest.minusDays(1 + random.nextInt(90)).minusMonths(interval);
        } else {
            last = latest.minusDays(random.nextInt(28 * interval));
        }
        return last.isBefore(notBefore) ? notBefore : last;
    }

    /** A visit in the history: mostly completed home visits, now and then a phone call, a no-answer or a cancellation. */
    private void historyVisit(Draft d, LocalDate on, List<Visit> own) {
        int roll = random.nextInt(100);
        if (roll < 6) {
            own.add(visit(d, on.minusDays(2), "HOME_VISIT", "NO_ACCESS"));
        } else if (roll < 9) {
            own.add(visit(d, on.minusDays(1), "OTHER_CONTACT", "COMPLETED"));
        } else if (roll < 11) {
            own.add(visit(d, on.minusDays(3), "HOME_VISIT", "CANCELLED"));
        }
        own.add(visit(d, on, "HOME_VISIT", "COMPLETED"));
    }

    private Visit visit(Draft d, LocalDate on, String type, String outcome) {
        String ref = "DEMO-%04d-%s-%s-%s".formatted(d.index, on, type.equals("HOME_VISIT") ? "HV" : "OC",
                switch (outcome) {
                    case "NO_ACCESS" -> "N";
                    case "CANCELLED" -> "X";
                    default -> "C";
                });
        String notes = switch (outcome) {
            case "NO_ACCESS" -> "No answer at the door; card left";
            case "CANCELLED" -> "Cancelled: officer called to an incident";
            default -> type.equals("HOME_VISIT") ? "Address checked; subject seen" : "Telephone contact";
        };
        return new Visit(d.pncId, on, type, outcome, random.nextInt(100) < 40, notes, ref);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** The latest registration date that leaves room for a risk assessment over a year before AS_OF, when one is designed. */
    private static LocalDate registeredBy(Draft d, LocalDate end) {
        LocalDate staleBy = LocalDate.of(2021, 4, 30);
        return d.staleReview && end.isAfter(staleBy) ? staleBy : end;
    }

    /** A unique, valid PNC id in canonical form. */
    private String pncId(Set<String> taken) {
        while (true) {
            int year = 1985 + random.nextInt(37);
            int serial = 1 + random.nextInt(999_999);
            String id = canonicalPnc(year, serial);
            if (taken.add(id)) {
                return id;
            }
        }
    }

    /** SPEC section 3: check letter = "ZABCDEFGHJKLMNPQRTUVWXY"[int(YY + serial as 7 digits) mod 23]. */
    static String canonicalPnc(int year, int serial) {
        String serial7 = "%07d".formatted(serial);
        long number = Long.parseLong("%02d".formatted(year % 100) + serial7);
        return year + "/" + serial7 + CHECK_LETTERS.charAt((int) (number % 23));
    }

    private void addDays(List<Integer> days, int count, int from, int to) {
        for (int i = 0; i < count; i++) {
            days.add(from + random.nextInt(to - from + 1));
        }
    }

    private static void add(List<String> list, String value, int count) {
        for (int i = 0; i < count; i++) {
            list.add(value);
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private LocalDate randomDate(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
