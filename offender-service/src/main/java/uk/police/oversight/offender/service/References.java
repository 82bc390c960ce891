package uk.police.oversight.offender.service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.police.oversight.offender.model.Area;
import uk.police.oversight.offender.model.Staff;

/** The areas and staff an offender record may refer to, loaded once per request (both tables are small). */
public final class References {

    private final Map<String, Area> areas;
    private final Map<UUID, Staff> staffById;
    private final Map<String, Staff> staffByNumber;

    private References(Map<String, Area> areas, Map<UUID, Staff> staffById) {
        this.areas = areas;
        this.staffById = staffById;
        this.staffByNumber = staffById.values().stream().collect(Collectors.toMap(s -> s.staffNumber, Function.identity()));
    }

    public static References load() {
        Map<String, Area> areas = Area.<Area>listAll().stream().collect(Collectors.toMap(a -> a.code, Function.identity()));
        Map<UUID, Staff> staff = Staff.<Staff>listAll().stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        return new References(areas, staff);
    }

    public boolean areaExists(String code) {
        return areas.containsKey(code);
    }

    public Optional<Staff> staff(UUID id) {
        return Optional.ofNullable(staffById.get(id));
    }

    public Optional<Staff> staffByNumber(String staffNumber) {
        return Optional.ofNullable(staffByNumber.get(staffNumber));
    }
}
