package uk.police.oversight.offender.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import uk.police.oversight.common.problem.ProblemException;
import uk.police.oversight.offender.api.AreaRequest;
import uk.police.oversight.offender.model.Area;

/** The force's policing areas. */
@ApplicationScoped
@Transactional
public class Areas {

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Area> all() {
        return Area.listAll(Sort.by("code"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Area> find(String code) {
        return Area.findByIdOptional(code);
    }

    public Area create(AreaRequest request) {
        if (Area.findByIdOptional(request.code()).isPresent()) {
            throw ProblemException.conflict("Area " + request.code() + " already exists");
        }
        Area area = new Area();
        area.code = request.code();
        area.name = request.name().strip();
        area.persist();
        return area;
    }
}
