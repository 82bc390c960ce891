package uk.police.oversight.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Areas, staff and offenders created through the public API, each test in its own area. */
final class World {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private World() {
    }

    /** A new area with one offender manager; returns {area code, manager staff number}. */
    static String[] areaWithManager(String prefix) {
        String area = prefix + SEQUENCE.incrementAndGet();
        SystemStack.admin().body(Map.of("code", area, "name", "Area " + area)).post(SystemStack.offenderApi() + "/areas")
                .then().statusCode(201);
        String staffNumber = "S-" + area;
        SystemStack.admin().body(Map.of("staffNumber", staffNumber, "name", "Officer " + area,
                        "email", "officer." + area.toLowerCase() + "@force.example", "role", "OFFENDER_MANAGER", "areaCode", area))
                .post(SystemStack.offenderApi() + "/staff").then().statusCode(201);
        return new String[] {area, staffNumber};
    }

    /** A supervisor for the area, through the gateway; returns their email address. */
    static String supervisor(String area) {
        String email = "supervisor." + area.toLowerCase() + "@force.example";
        SystemStack.admin().body(Map.of("staffNumber", "SUP-" + area, "name", "DS " + area, "email", email,
                "role", "SUPERVISOR", "areaCode", area)).post(SystemStack.api() + "/staff").then().statusCode(201);
        return email;
    }

    /** Batch items for {@code count} new offenders in the area, managed by the staff number. */
    static List<Map<String, Object>> offenders(String area, String staffNumber, int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int year = 2000 + (i % 20);
            int serial = SEQUENCE.incrementAndGet();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("pncId", String.format("%04d/%07d%c", year, serial, checkLetter(year, serial)));
            item.put("firstName", "Sam");
            item.put("lastName", "Test" + serial);
            item.put("dateOfBirth", "1980-01-01");
            item.put("address", Map.of("line1", "1 Test Street", "town", "Bristol", "postcode", "BS1 1AA"));
            item.put("mappaCategory", 1);
            item.put("mappaLevel", 1);
            item.put("riskLevel", "HIGH");
            item.put("areaCode", area);
            item.put("managerStaffNumber", staffNumber);
            item.put("registeredOn", "2020-01-01");
            items.add(item);
        }
        return items;
    }

    static char checkLetter(int year, int serial) {
        long number = Long.parseLong(String.format("%02d%07d", year % 100, serial));
        return "ZABCDEFGHJKLMNPQRTUVWXY".charAt((int) (number % 23));
    }
}
