package uk.police.oversight.local.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo force: a synthetic force shaped like Avon and Somerset (SPEC section 7). Every name, address and PNC id
 * is made up. Generated deterministically from a fixed seed: the same {@code today} gives the same data, and the
 * figures as of {@link #AS_OF}, {@link #PEAK_AS_OF} and {@link #LATER_AS_OF} are the same whatever {@code today} is
 * (from {@link #EARLIEST_TODAY} on).
 *
 * <p>The figures are built, not hoped for. Each offender in scope on 2022-06-30 is given a designed last completed
 * home visit on or before that date: {@link #OVERDUE_VISITS} of them so that their due date falls before it (by a
 * designed number of days, the oldest {@link #OLDEST_DAYS_OVERDUE}), every other one so that it does not. Risk
 * assessments are recent for everyone but {@link #OVERDUE_REVIEWS} offenders in the community, whose last one is older
 * than a year before 2022-06-30 (so they stay overdue a review at every later date too).
 *
 * <p>After 2022-06-30 the force follows the figures Avon and Somerset published later, as the overdue rule gives them
 * at past dates (it reads today's offender attributes and the visits on or before the date). Every offender actively
 * managed in the community is visited on time (each visit on or before the last one's due date), except in designed
 * <em>lapses</em>: the visit planned for a due date did not happen, so the offender is overdue from the day after it
 * until a later visit. A day-by-day design over those offenders decides who lapses when, and for how long, so that the
 * number overdue on each day is that of the {@code TARGET} curve: the force responds and the 217 fall to 85 by the end
 * of 2022; the count creeps back up through 2023 to exactly {@link #PEAK_OVERDUE_VISITS} on 2024-01-17 (by when the
 * {@link #PEAK_REGISTERED} offenders of 2022 are all registered, the last of them since 2022-06-30), falls to exactly
 * {@link #LATER_OVERDUE_VISITS} on 2025-02-19 (by when another {@link #JOINERS}, all in the community, make
 * {@link #OFFENDERS}; those actively managed are first visited within 28 days and do not lapse before that date), and
 * falls on to about 1 in 60 by November 2025. From then on lapses start at random, about one every two days, and last
 * up to 88 days, so that on any {@code today} only a handful are overdue, by up to 90 days, and the notifications the
 * compliance scan sends today stay few enough to read.
 *
 * <p>The design runs to the day before yesterday ({@code latest}), nothing is dated after it, and each day's decisions
 * depend only on the days before, so that the records of everyone in scope up to a date are the same for every later
 * {@code today} (but for a visit in the last fortnight, which a lapse may yet take back). On a {@code today} before
 * November 2025, when the fall is not over, the force has caught up in the last four weeks with all but the latest
 * {@code BACKGROUND_LAPSES} (22) lapses. visit-scheduler's {@code DemoForceRuleTest} checks all of this against the overdue
 * rule itself.
 */
public final class DemoForce {

    /** The date the demo's figures are quoted for. */
    public static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);
    public static final int OVERDUE_VISITS = 217;
    public static final int OVERDUE_REVIEWS = 151;
    public static final int OLDEST_DAYS_OVERDUE = 243;
    /** The later published figure: overdue visits as of 2024-01-17, the peak. */
    public static final LocalDate PEAK_AS_OF = LocalDate.of(2024, 1, 17);
    public static final int PEAK_OVERDUE_VISITS = 273;
    /** The offenders registered by {@link #PEAK_AS_OF}: those of 2022, the last of them registered since. */
    public static final int PEAK_REGISTERED = 1521;
    /** The later published figure: overdue visits as of 2025-02-19. */
    public static final LocalDate LATER_AS_OF = LocalDate.of(2025, 2, 19);
    public static final int LATER_OVERDUE_VISITS = 185;
    /** Offenders registered after {@link #PEAK_AS_OF}, by {@link #LATER_AS_OF}. */
    public static final int JOINERS = 79;
    /** All the offenders, every one of them registered by {@link #LATER_AS_OF}. */
    public static final int OFFENDERS = PEAK_REGISTERED + JOINERS;
    /** The earliest day the force can be generated for (its figures as of {@link #LATER_AS_OF} need the weeks after). */
    public static final LocalDate EARLIEST_TODAY = LocalDate.of(2025, 4, 1);
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
     * Where the generator draws from: the force's one sequence while it decides who is who (and another for the
     * joiners), then one sequence per offender for their record up to AS_OF (buildUpToAsOf, so that it is the same
     * whatever day the force is generated) and another for the rest of it (buildAfterAsOf); the design after AS_OF and
     * its visits draw from sequences of their own.
     */
    private Random random = new Random(SEED);
    private final LocalDate today;
    private final LocalDate latest;

    private DemoForce(LocalDate today) {
        if (today.isBefore(EARLIEST_TODAY)) {
            throw new IllegalArgumentException("The demo force needs a today on or after " + EARLIEST_TODAY);
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
        DemoForce force = new DemoForce(EARLIEST_TODAY);
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
        add(statuses, "IN_COMMUNITY", PEAK_REGISTERED - statuses.size());
        Collections.shuffle(statuses, random);

        // First pass: who is who, and who is in scope on 2022-06-30.
        List<Draft> drafts = new ArrayList<>();
        Map<String, Integer> managerTurn = new LinkedHashMap<>();
        Set<String> pncIds = new HashSet<>();
        for (int i = 0; i < PEAK_REGISTERED; i++) {
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
            // Those registered after 2022-06-30 were all registered by the peak, so that 1,521 were by then.
            d.registeredFrom = AS_OF.plusDays(1);
            d.registeredTo = PEAK_AS_OF;
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

        drafts.addAll(joiners(managerTurn, pncIds));
        for (Draft d : drafts) {
            buildUpToAsOf(d);
        }
        designAfterAsOf(drafts);
        for (Draft d : drafts) {
            buildAfterAsOf(d);
        }
    }

    /**
     * The {@link #JOINERS} offenders registered after the peak and by {@link #LATER_AS_OF}: all in the community, with
     * the national risk mix (the force's 2%, 18%, 30%, 50% again once they are added) and the areas' shares. Drawn from
     * a sequence of their own, after everyone else's, so that nobody registered before is changed by them.
     */
    private List<Draft> joiners(Map<String, Integer> managerTurn, Set<String> pncIds) {
        random = new Random(SEED * 5_000_011L + JOINERS);
        List<String> risks = new ArrayList<>();
        add(risks, "VERY_HIGH", 2);
        add(risks, "HIGH", 14);
        add(risks, "MEDIUM", 24);
        add(risks, "LOW", 39);
        Collections.shuffle(risks, random);
        List<String> areaOf = new ArrayList<>();
        add(areaOf, "BRS", 36);
        add(areaOf, "NES", 19);
        add(areaOf, "SOM", 24);
        Collections.shuffle(areaOf, random);
        List<Draft> joiners = new ArrayList<>();
        for (int i = 0; i < JOINERS; i++) {
            Draft d = new Draft();
            d.index = PEAK_REGISTERED + i;
            d.risk = risks.get(i);
            d.area = areaOf.get(i);
            d.status = "IN_COMMUNITY";
            List<String> inArea = managers(d.area);
            int turn = managerTurn.merge(d.area, 1, Integer::sum);
            d.manager = inArea.get(turn % inArea.size());
            d.reactive = d.risk.equals("LOW") && random.nextInt(100) < 30;
            d.registeredLater = true;
            d.joiner = true;
            d.registeredFrom = PEAK_AS_OF.plusDays(1);
            d.registeredTo = LATER_AS_OF;
            d.pncId = pncId(pncIds);
            if (d.risk.equals("HIGH") && random.nextInt(100) < 6) {
                d.intervalOverride = 2;
            } else if (d.risk.equals("MEDIUM") && random.nextInt(100) < 3) {
                d.intervalOverride = 4;
            }
            d.design = Design.OUT_OF_SCOPE;
            joiners.add(d);
        }
        return joiners;
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
        /** One of the {@link #JOINERS}. */
        boolean joiner;
        /** When a registeredLater one was registered: a day in this range. */
        LocalDate registeredFrom;
        LocalDate registeredTo;
        boolean staleReview;
        Integer intervalOverride;
        Design design;
        int daysOverdue;
        // The record up to AS_OF (buildUpToAsOf).
        int interval;
        String firstName;
        String lastName;
        Address address;
        LocalDate dateOfBirth;
        int mappaCategory;
        int mappaLevel;
        int notificationYears;
        LocalDate registeredOn;
        LocalDate statusSince;
        LocalDate lastAtAsOf;
        LocalDate lastRiskAssessmentOn;
        final List<Visit> own = new ArrayList<>();
        /** What happened after AS_OF, for those actively managed in the community (designAfterAsOf). */
        Track track;
    }

    /** The offender's record up to AS_OF, from their own sequence: the same whatever day the force is generated. */
    private void buildUpToAsOf(Draft d) {
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
                    registeredOn = randomDate(d.registeredFrom, d.registeredTo);
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
        List<Visit> own = d.own;
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
        d.interval = interval;
        d.firstName = first;
        d.lastName = last;
        d.address = address;
        d.dateOfBirth = dateOfBirth;
        d.mappaCategory = mappaCategory;
        d.mappaLevel = mappaLevel;
        d.notificationYears = notificationYears;
        d.registeredOn = registeredOn;
        d.statusSince = statusSince;
        d.lastAtAsOf = lastAtAsOf;
        d.lastRiskAssessmentOn = lastRiskAssessmentOn;
    }

    /**
     * The offender's record after AS_OF, up to {@code latest}: the designed visits of those actively managed in the
     * community (designAfterAsOf); for the others, visits about yearly for the reactively managed, and at the interval
     * until they left for those in custody and the like.
     */
    private void buildAfterAsOf(Draft d) {
        int interval = d.interval;
        LocalDate registeredOn = d.registeredOn;
        LocalDate statusSince = d.statusSince;
        LocalDate lastAtAsOf = d.lastAtAsOf;
        List<Visit> own = d.own;
        random = new Random(SEED * 7_000_003L + d.index);
        if (d.track != null) {
            own.addAll(visitsAfterAsOf(d.track));
        } else {
            LocalDate visitedUntil = d.status.equals("IN_COMMUNITY") ? latest : statusSince;
            LocalDate start = d.registeredLater ? registeredOn.plusDays(3 + random.nextInt(20))
                    : max(AS_OF.plusDays(1 + random.nextInt(40)), lastAtAsOf == null ? AS_OF.plusDays(1)
                            : lastAtAsOf.plusMonths(interval).minusDays(random.nextInt(14)));
            LocalDate v = start;
            while (v.isBefore(visitedUntil)) {
                historyVisit(d, v, own);
                v = v.plusMonths(d.reactive ? 12 : interval).minusDays(random.nextInt(14));
            }
        }
        visits.addAll(own);

        LocalDate lastRiskAssessmentOn = d.lastRiskAssessmentOn;
        if (!d.staleReview) {
            // Reviewed within the last year: due again after today (and so after AS_OF too).
            lastRiskAssessmentOn = randomDate(max(registeredOn, latest.minusDays(330)), latest);
        }
        // Notification for a fixed term: those whose term ended by next year would no longer be on the register.
        LocalDate notificationEndsOn = d.notificationYears > 0 ? registeredOn.plusYears(d.notificationYears) : null;
        if (notificationEndsOn != null && !notificationEndsOn.isAfter(today.plusYears(1))) {
            notificationEndsOn = null;
        }
        offenders.add(new Offender(d.pncId, d.firstName, d.lastName, d.dateOfBirth, d.address, d.mappaCategory,
                d.mappaLevel, d.risk, d.reactive ? "REACTIVE" : "ACTIVE", d.status, statusSince, d.area, d.manager,
                registeredOn, notificationEndsOn, d.intervalOverride, lastRiskAssessmentOn));
    }

    // --- after 2022-06-30 ------------------------------------------------------------------------------------------

    /** From this day lapses start at random, {@link #BACKGROUND_LAPSES} at a time on average, none kept to a target. */
    static final LocalDate BACKGROUND_FROM = LocalDate.of(2025, 11, 1);
    /** About 1 in 60 of those in scope. */
    static final int BACKGROUND_LAPSES = 22;
    /** The longest a background lapse lasts (overdue for at most this many days, so up to 90 days as of today). */
    static final int BACKGROUND_LONGEST = 88;
    /** Before 2025-02-19, nobody stays overdue longer than this; the limit comes down to 88 days by 2025-08-31. */
    static final int LONGEST_LAPSE = 400;
    static final LocalDate LONGEST_DOWN_BY = LocalDate.of(2025, 8, 31);
    /** Whoever catches up after a lapse is not let lapse again for this long. */
    static final int LAPSE_AGAIN_AFTER_DAYS = 180;

    /** The number of offenders overdue a visit the design keeps to at the month ends from 2022-07-31 to 2025-10-31. */
    private static final int[] MONTH_ENDS = {
        171, 133, 109, 94, 88, 85, // 2022 from July: the force responds
        91, 99, 112, 121, 138, 149, 167, 181, 196, 214, 231, 252, // 2023: creeping back up
        270, 263, 257, 246, 240, 231, 226, 217, 211, 204, 199, 193, // 2024: from the peak
        189, 176, 148, 117, 89, 64, 46, 34, 27, 24}; // 2025 to October: down to the background
    /**
     * The number overdue the design keeps to on each day up to {@link #BACKGROUND_FROM}: 217 on 2022-06-30 (by the
     * design before it), the month ends and the two published figures, with straight lines between.
     */
    private static final List<Point> TARGET = target();

    private record Point(LocalDate on, int overdue) {
    }

    private static List<Point> target() {
        List<Point> points = new ArrayList<>(List.of(new Point(AS_OF, OVERDUE_VISITS),
                new Point(PEAK_AS_OF, PEAK_OVERDUE_VISITS), new Point(LATER_AS_OF, LATER_OVERDUE_VISITS)));
        for (int k = 0; k < MONTH_ENDS.length; k++) {
            points.add(new Point(YearMonth.from(AS_OF).plusMonths(k + 1).atEndOfMonth(), MONTH_ENDS[k]));
        }
        points.sort(Comparator.comparing(Point::on));
        if (!points.get(points.size() - 1).on().equals(BACKGROUND_FROM.minusDays(1))) {
            throw new IllegalStateException("the month ends stop on " + points.get(points.size() - 1).on());
        }
        return List.copyOf(points);
    }

    /** An offender actively managed in the community, as the design after AS_OF goes along. */
    private static final class Track {
        final Draft d;
        /** The completed home visits after AS_OF. */
        final List<LocalDate> completed = new ArrayList<>();
        final List<Lapse> lapses = new ArrayList<>();
        /** The last completed home visit so far (AS_OF's, then the design's), and the one before it. */
        LocalDate last;
        LocalDate beforeLast;
        /** Whether the last visit was planned at the interval from the one before (not a catching-up visit). */
        boolean lastOnTime;
        LocalDate planned;
        Lapse open;

        Track(Draft d) {
            this.d = d;
        }
    }

    /** A lapse: overdue from the day after {@code due} until the visit on {@code caughtUpOn} (null while open). */
    private static final class Lapse {
        final Track track;
        final LocalDate due;
        /** The visit that was planned for the due date and did not happen (null for those overdue on AS_OF). */
        final LocalDate missed;
        final LocalDate endsOn;
        LocalDate caughtUpOn;

        Lapse(Track track, LocalDate due, LocalDate missed, LocalDate endsOn) {
            this.track = track;
            this.due = due;
            this.missed = missed;
            this.endsOn = endsOn;
        }
    }

    /**
     * Everyone actively managed in the community, day by day from 2022-07-01 to {@code latest}: visits at about the
     * interval (each on or before the due date), and lapses, so that the number overdue each day is the target's (and
     * exactly the published figures on their dates). A lapse starts on the day after a due date, when the visit
     * planned for it is taken back; it ends after a drawn time, or sooner when the target falls (mostly the longest
     * overdue first), or when it reaches the longest allowed. Each day's draws depend only on the days before, from
     * one sequence that does not depend on {@code today}.
     */
    private void designAfterAsOf(List<Draft> drafts) {
        Random design = new Random(SEED * 9_000_049L + 1);
        Map<LocalDate, List<Track>> plannedOn = new HashMap<>();
        Map<LocalDate, List<Track>> dueOn = new HashMap<>();
        List<Lapse> open = new ArrayList<>();
        Design[] overdue = {Design.OVERDUE, Design.OVERDUE_SINCE_RETURN, Design.OVERDUE_NEVER_VISITED};
        for (Draft d : drafts) {
            if (!d.status.equals("IN_COMMUNITY") || d.reactive) {
                continue;
            }
            Track t = new Track(d);
            d.track = t;
            t.last = d.lastAtAsOf;
            LocalDate due = dueAfter(d, t.last);
            if (List.of(overdue).contains(d.design)) {
                if (!due.isBefore(AS_OF)) {
                    throw new IllegalStateException("designed overdue on " + AS_OF + " but due " + due);
                }
                Lapse lapse = new Lapse(t, due, null, AS_OF.plusDays(lapseDays(design, t, AS_OF)));
                t.open = lapse;
                t.lapses.add(lapse);
                open.add(lapse);
            } else if (d.design == Design.COMPLIANT) {
                plan(t, max(AS_OF.plusDays(1), due.minusDays(design.nextInt(14))), plannedOn);
                dueOn.computeIfAbsent(due, k -> new ArrayList<>()).add(t);
            } else if (d.design == Design.NEW_NOT_YET_DUE) {
                plan(t, randomDate(design, AS_OF.plusDays(1), due), plannedOn);
            } else {
                // Registered after AS_OF: first visited within the 28 days.
                plan(t, d.registeredOn.plusDays(3 + design.nextInt(20)), plannedOn);
            }
        }
        for (LocalDate day = AS_OF.plusDays(1); !day.isAfter(latest); day = day.plusDays(1)) {
            for (Track t : plannedOn.getOrDefault(day, List.of())) {
                if (t.open == null && day.equals(t.planned)) {
                    visited(t, day, true, design, plannedOn, dueOn);
                }
            }
            plannedOn.remove(day);
            int longest = longestLapse(day);
            List<Lapse> ending = new ArrayList<>();
            for (Lapse lapse : List.copyOf(open)) {
                if (ChronoUnit.DAYS.between(lapse.due, day) > longest) {
                    catchUp(lapse, day, open, design, plannedOn, dueOn);
                } else if (!lapse.endsOn.isAfter(day)) {
                    ending.add(lapse);
                }
            }
            List<Track> due = dueOn.getOrDefault(day.minusDays(1), List.of());
            if (day.isBefore(BACKGROUND_FROM)) {
                // Those whose time is up are caught up with as far as others lapse in their place or the target falls;
                // the rest wait for another day.
                int target = target(day);
                while (open.size() < target + ending.size() && lapse(day, due, open, design)) {
                    // another one
                }
                for (Lapse lapse : ending) {
                    if (open.size() > target) {
                        catchUp(lapse, day, open, design, plannedOn, dueOn);
                    }
                }
                while (open.size() > target) {
                    Lapse lapse = design.nextInt(10) < 6 ? open.stream().min(Comparator.comparing(l -> l.due)).orElseThrow()
                            : open.get(design.nextInt(open.size()));
                    catchUp(lapse, day, open, design, plannedOn, dueOn);
                }
                if ((day.equals(PEAK_AS_OF) || day.equals(LATER_AS_OF)) && open.size() != target) {
                    throw new IllegalStateException("the design misses " + target + " overdue on " + day + ": " + open.size());
                }
            } else {
                for (Lapse lapse : ending) {
                    catchUp(lapse, day, open, design, plannedOn, dueOn);
                }
                for (int n = poisson(design, (double) BACKGROUND_LAPSES * 2 / (BACKGROUND_LONGEST + 1)); n > 0; n--) {
                    lapse(day, due, open, design);
                }
            }
            dueOn.remove(day.minusDays(1));
        }
        // Before the background is reached, today would find the fall not over: the force has caught up with all but
        // the latest few in the last four weeks.
        List<Lapse> stillOpen = new ArrayList<>(open);
        stillOpen.sort(Comparator.comparing((Lapse l) -> l.due).reversed());
        for (int k = 0; k < stillOpen.size(); k++) {
            Lapse lapse = stillOpen.get(k);
            if (ChronoUnit.DAYS.between(lapse.due, latest) > BACKGROUND_LONGEST
                    || latest.isBefore(BACKGROUND_FROM) && k >= BACKGROUND_LAPSES) {
                Track t = lapse.track;
                catchUp(lapse, max(lapse.due.plusDays(1), latest.minusDays(design.nextInt(28))), open, design, plannedOn,
                        dueOn);
                while (!t.planned.isAfter(latest)) {
                    visited(t, t.planned, true, design, plannedOn, dueOn);
                }
            }
        }
    }

    /** Starts a lapse on {@code day}, for someone whose visit was due the day before; false when nobody can lapse. */
    private boolean lapse(LocalDate day, List<Track> due, List<Lapse> open, Random design) {
        LocalDate dueDay = day.minusDays(1);
        List<Track> candidates = new ArrayList<>();
        for (Track t : due) {
            Draft d = t.d;
            if (t.open == null && t.lastOnTime && t.beforeLast != null && t.last.isAfter(AS_OF)
                    && t.beforeLast.plusMonths(d.interval).equals(dueDay) && !d.statusSince.isAfter(t.beforeLast)
                    && (!d.joiner || day.isAfter(LATER_AS_OF))
                    && (t.lapses.isEmpty() || t.lapses.get(t.lapses.size() - 1).caughtUpOn.plusDays(LAPSE_AGAIN_AFTER_DAYS)
                            .isBefore(day))) {
                candidates.add(t);
            }
        }
        if (candidates.isEmpty()) {
            return false;
        }
        Track t = candidates.get(design.nextInt(candidates.size()));
        // The visit planned for the due date did not happen.
        LocalDate missed = t.completed.remove(t.completed.size() - 1);
        t.last = t.beforeLast;
        t.beforeLast = null;
        t.planned = null;
        Lapse lapse = new Lapse(t, dueDay, missed, day.plusDays(lapseDays(design, t, day)));
        t.open = lapse;
        t.lapses.add(lapse);
        open.add(lapse);
        return true;
    }

    /** How long a lapse starting on {@code day} would last if nothing hurried it. */
    private static int lapseDays(Random design, Track t, LocalDate day) {
        if (!day.isBefore(LONGEST_DOWN_BY.minusMonths(3))) {
            return 1 + design.nextInt(BACKGROUND_LONGEST);
        }
        int days = 7 + (int) (-Math.log(1 - design.nextDouble()) * 110);
        return t.d.interval == 1 ? Math.min(days, 40) : days;
    }

    private void catchUp(Lapse lapse, LocalDate day, List<Lapse> open, Random design, Map<LocalDate, List<Track>> plannedOn,
            Map<LocalDate, List<Track>> dueOn) {
        open.remove(lapse);
        lapse.caughtUpOn = day;
        lapse.track.open = null;
        visited(lapse.track, day, false, design, plannedOn, dueOn);
    }

    /** A completed home visit on {@code day}, and the next one planned at the interval, on or before its due date. */
    private void visited(Track t, LocalDate day, boolean onTime, Random design, Map<LocalDate, List<Track>> plannedOn,
            Map<LocalDate, List<Track>> dueOn) {
        t.completed.add(day);
        t.beforeLast = t.last;
        t.last = day;
        t.lastOnTime = onTime;
        LocalDate due = day.plusMonths(t.d.interval);
        dueOn.computeIfAbsent(due, k -> new ArrayList<>()).add(t);
        plan(t, due.minusDays(design.nextInt(14)), plannedOn);
    }

    private static void plan(Track t, LocalDate on, Map<LocalDate, List<Track>> plannedOn) {
        t.planned = on;
        plannedOn.computeIfAbsent(on, k -> new ArrayList<>()).add(t);
    }

    /** The overdue rule's due date, with {@code last} the last completed home visit (or none). */
    private static LocalDate dueAfter(Draft d, LocalDate last) {
        LocalDate due = last != null ? last.plusMonths(d.interval) : d.registeredOn.plusDays(FIRST_VISIT_WITHIN_DAYS);
        if (last == null || d.statusSince.isAfter(last)) {
            due = max(due, d.statusSince.plusDays(FIRST_VISIT_WITHIN_DAYS));
        }
        return due;
    }

    private static int longestLapse(LocalDate day) {
        if (!day.isAfter(LATER_AS_OF)) {
            return LONGEST_LAPSE;
        }
        if (!day.isBefore(LONGEST_DOWN_BY)) {
            return BACKGROUND_LONGEST;
        }
        long span = ChronoUnit.DAYS.between(LATER_AS_OF, LONGEST_DOWN_BY);
        long gone = ChronoUnit.DAYS.between(LATER_AS_OF, day);
        return (int) (LONGEST_LAPSE - (LONGEST_LAPSE - BACKGROUND_LONGEST) * gone / span);
    }

    private static int target(LocalDate day) {
        for (int k = 1; k < TARGET.size(); k++) {
            Point from = TARGET.get(k - 1);
            Point to = TARGET.get(k);
            if (!day.isAfter(to.on())) {
                double f = (double) ChronoUnit.DAYS.between(from.on(), day) / ChronoUnit.DAYS.between(from.on(), to.on());
                return (int) Math.round(from.overdue() + (to.overdue() - from.overdue()) * f);
            }
        }
        return TARGET.get(TARGET.size() - 1).overdue();
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int n = 0;
        while (p > limit) {
            p *= random.nextDouble();
            n++;
        }
        return n;
    }

    /**
     * The visits of the design after AS_OF, up to {@code latest}: the completed ones (with now and then a phone call, a
     * no-answer or a cancellation around them), and, in about a third of the lapses, no answer at the door when the
     * missed visit was tried, and once or twice since. Each visit's own draws come from a sequence of its own.
     */
    private List<Visit> visitsAfterAsOf(Track t) {
        Draft d = t.d;
        List<Visit> after = new ArrayList<>();
        for (LocalDate on : t.completed) {
            if (!on.isAfter(latest)) {
                random = new Random(SEED * 3_000_017L + d.index * 100_003L + on.toEpochDay());
                int roll = random.nextInt(100);
                if (roll < 6) {
                    after.add(visit(d, on.minusDays(2), "HOME_VISIT", "NO_ACCESS"));
                } else if (roll < 9) {
                    after.add(visit(d, on.minusDays(1), "OTHER_CONTACT", "COMPLETED"));
                } else if (roll < 11) {
                    after.add(visit(d, on.minusDays(3), "HOME_VISIT", "CANCELLED"));
                }
                after.add(visit(d, on, "HOME_VISIT", "COMPLETED"));
            }
        }
        for (Lapse lapse : t.lapses) {
            random = new Random(SEED * 4_000_037L + d.index * 100_003L + lapse.due.toEpochDay());
            if (random.nextInt(100) < 35) {
                List<LocalDate> tried = new ArrayList<>();
                if (lapse.missed != null) {
                    tried.add(lapse.missed);
                }
                for (int n = random.nextInt(3); n > 0; n--) {
                    tried.add(lapse.due.plusDays(1 + random.nextInt(75)));
                }
                for (LocalDate on : tried) {
                    Visit attempt = visit(d, on, "HOME_VISIT", "NO_ACCESS");
                    if ((lapse.caughtUpOn == null || on.isBefore(lapse.caughtUpOn)) && !on.isAfter(latest)) {
                        after.add(attempt);
                    }
                }
            }
        }
        // Nothing after AS_OF is dated on or before it, and no visit twice.
        Set<String> refs = new HashSet<>();
        d.own.forEach(v -> refs.add(v.externalRef()));
        List<Visit> kept = new ArrayList<>();
        for (Visit v : after) {
            if (v.visitDate().isAfter(AS_OF) && refs.add(v.externalRef())) {
                kept.add(v);
            }
        }
        kept.sort(Comparator.comparing(Visit::visitDate));
        return kept;
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
        return randomDate(random, from, to);
    }

    private static LocalDate randomDate(Random random, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
