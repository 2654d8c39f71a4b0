package org.innoreg.registry.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.registry.domain.Region;
import org.innoreg.registry.domain.RegionLevel;
import org.innoreg.registry.mapping.RegionInput;
import org.innoreg.registry.mapping.RegionMapper;
import org.innoreg.registry.publishing.RegionEvents;
import org.innoreg.registry.repository.RegionRepository;

@ApplicationScoped
public class RegionService {

    private final RegionRepository regions;
    private final RegionEvents events;

    private final WritePipeline writes;

    RegionService(RegionRepository regions, RegionEvents events, WritePipeline writes) {
        this.writes = writes;
        this.regions = regions;
        this.events = events;
    }

    /**
     * Regions by code: the children of a parent, of a level, last changed at or after an instant;
     * null: any.
     */
    public List<Region> list(
            String parentCode, RegionLevel level, java.time.OffsetDateTime changedSince) {
        List<String> where = new java.util.ArrayList<>();
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (parentCode != null) {
            where.add("parentCode = :parent");
            params.and("parent", parentCode);
        }
        if (level != null) {
            where.add("level = :level");
            params.and("level", level);
        }
        if (changedSince != null) {
            where.add("updatedAt >= :changedSince");
            params.and("changedSince", changedSince);
        }
        return where.isEmpty()
                ? regions.listAll(Sort.by("code"))
                : regions.list(String.join(" and ", where), Sort.by("code"), params);
    }

    public Region get(String code) {
        return regions.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("region", code));
    }

    public List<Region> children(String code) {
        return regions.childrenOf(code);
    }

    @Transactional
    public Region create(RegionInput input) {
        return writes.create(
                events,
                RegionMapper.toEntity(input),
                region -> {
                    if (regions.findByIdOptional(input.code()).isPresent()) {
                        throw ProblemException.conflict(
                                "duplicate", Messages.text("region.exists", input.code()));
                    }
                    checkPlacement(input);
                });
    }

    /**
     * A province stands alone; anything else hangs under an existing region whose code it extends.
     */
    private void checkPlacement(RegionInput input) {
        if (input.level() == RegionLevel.PROVINCE) {
            if (input.parentCode() != null) {
                throw ProblemException.unprocessable(
                        "parentCode", Messages.text("region.province-parent"));
            }
            if (!input.code().endsWith("0000")) {
                throw ProblemException.unprocessable("code", Messages.text("region.province-code"));
            }
            return;
        }
        if (input.parentCode() == null) {
            throw ProblemException.unprocessable(
                    "parentCode", Messages.text("region.parent-required", input.level()));
        }
        Region parent =
                regions.findByIdOptional(input.parentCode())
                        .orElseThrow(
                                () ->
                                        ProblemException.unprocessable(
                                                "parentCode",
                                                Messages.text(
                                                        "region.missing", input.parentCode())));
        boolean levelFits =
                switch (input.level()) {
                    case CITY -> parent.level == RegionLevel.PROVINCE;
                    case DISTRICT ->
                            parent.level == RegionLevel.PROVINCE
                                    || parent.level == RegionLevel.CITY;
                    case SPECIAL_AREA ->
                            parent.level == RegionLevel.CITY
                                    || parent.level == RegionLevel.DISTRICT;
                    case PROVINCE -> false;
                };
        if (!levelFits) {
            throw ProblemException.unprocessable(
                    "level", Messages.text("region.level-misplaced", input.level(), parent.level));
        }
        if (!input.code().startsWith(RegionCodes.descendantPrefix(parent.code))
                || input.code().equals(parent.code)) {
            throw ProblemException.unprocessable(
                    "code",
                    Messages.text("region.code-prefix", RegionCodes.descendantPrefix(parent.code)));
        }
    }
}
