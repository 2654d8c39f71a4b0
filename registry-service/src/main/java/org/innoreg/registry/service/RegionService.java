package org.innoreg.registry.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.registry.domain.Region;
import org.innoreg.registry.domain.RegionLevel;
import org.innoreg.registry.events.RegionEvents;
import org.innoreg.registry.mapping.RegionInput;
import org.innoreg.registry.mapping.RegionMapper;
import org.innoreg.registry.repository.RegionRepository;

@ApplicationScoped
public class RegionService {

    private final RegionRepository regions;
    private final RegionEvents events;

    RegionService(RegionRepository regions, RegionEvents events) {
        this.regions = regions;
        this.events = events;
    }

    public List<Region> list(String parentCode, RegionLevel level) {
        if (parentCode == null && level == null) {
            return regions.listAll(Sort.by("code"));
        }
        if (parentCode == null) {
            return regions.list("level", Sort.by("code"), level);
        }
        if (level == null) {
            return regions.childrenOf(parentCode);
        }
        return regions.list("parentCode = ?1 and level = ?2", Sort.by("code"),
                parentCode, level);
    }

    public Region get(String code) {
        return regions.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("region", code));
    }

    public List<Region> children(String code) {
        return regions.childrenOf(code);
    }

    @Transactional
    public Region create(RegionInput input) {
        if (regions.findByIdOptional(input.code()).isPresent()) {
            throw ProblemException.conflict("duplicate", "region " + input.code() + " already exists");
        }
        checkPlacement(input);
        Region region = RegionMapper.toEntity(input);
        regions.persist(region);
        events.created(region);
        return region;
    }

    /** A province stands alone; anything else hangs under an existing region whose code it extends. */
    private void checkPlacement(RegionInput input) {
        if (input.level() == RegionLevel.PROVINCE) {
            if (input.parentCode() != null) {
                throw ProblemException.unprocessable("parentCode", "a province has no parent");
            }
            if (!input.code().endsWith("0000")) {
                throw ProblemException.unprocessable("code", "a province code ends in 0000");
            }
            return;
        }
        if (input.parentCode() == null) {
            throw ProblemException.unprocessable("parentCode", "required for level " + input.level());
        }
        Region parent = regions.findByIdOptional(input.parentCode()).orElseThrow(
                () -> ProblemException.unprocessable("parentCode", "region " + input.parentCode() + " does not exist"));
        boolean levelFits = switch (input.level()) {
            case CITY -> parent.level == RegionLevel.PROVINCE;
            case DISTRICT -> parent.level == RegionLevel.PROVINCE || parent.level == RegionLevel.CITY;
            case SPECIAL_AREA -> parent.level == RegionLevel.CITY || parent.level == RegionLevel.DISTRICT;
            case PROVINCE -> false;
        };
        if (!levelFits) {
            throw ProblemException.unprocessable("level", input.level() + " cannot sit under a " + parent.level);
        }
        if (!input.code().startsWith(RegionCodes.descendantPrefix(parent.code)) || input.code().equals(parent.code)) {
            throw ProblemException.unprocessable("code",
                    "must extend its parent's code prefix " + RegionCodes.descendantPrefix(parent.code));
        }
    }
}
