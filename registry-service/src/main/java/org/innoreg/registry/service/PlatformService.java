package org.innoreg.registry.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.security.Caller;
import org.innoreg.chassis.web.Preconditions;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformDetail;
import org.innoreg.registry.domain.PlatformHistoryEntry;
import org.innoreg.registry.domain.PlatformHistoryEntry.Change;
import org.innoreg.registry.domain.PlatformType;
import org.innoreg.registry.events.PlatformEvents;
import org.innoreg.registry.mapping.PlatformInput;
import org.innoreg.registry.mapping.PlatformMapper;
import org.innoreg.registry.mapping.PlatformView;
import org.innoreg.registry.repository.OrganizationRepository;
import org.innoreg.registry.repository.PlatformHistoryRepository;
import org.innoreg.registry.repository.PlatformRepository;
import org.innoreg.registry.repository.PlatformViewQuery;
import org.innoreg.registry.repository.RegionRepository;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlatformService {

    private final PlatformRepository platforms;
    private final PlatformHistoryRepository history;
    private final RegionRepository regions;
    private final OrganizationRepository organizations;
    private final PlatformEvents events;
    private final Caller caller;
    private final PlatformViewQuery views;

    PlatformService(PlatformRepository platforms, PlatformHistoryRepository history, RegionRepository regions,
            OrganizationRepository organizations, PlatformEvents events, Caller caller, PlatformViewQuery views) {
        this.views = views;
        this.platforms = platforms;
        this.history = history;
        this.regions = regions;
        this.organizations = organizations;
        this.events = events;
        this.caller = caller;
    }

    public Platform get(UUID id) {
        return platforms.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("platform", id));
    }

    /** For reading: the platform as the API shows it, in one statement without loading the entity. */
    public Uni<PlatformView> read(UUID id) {
        return views.byId(id).onItem().ifNull().failWith(() -> ProblemException.notFound("platform", id));
    }

    public List<PlatformHistoryEntry> history(UUID id) {
        get(id);
        return history.of(id);
    }

    @Transactional
    public Platform create(PlatformInput input) {
        caller.checkRegion(input.regionCode());
        checkReferences(input);
        if (platforms.findByName(input.regionCode(), input.nameZh().strip()).isPresent()) {
            throw ProblemException.conflict("duplicate", "region " + input.regionCode() + " already has a platform named "
                    + input.nameZh().strip());
        }
        Platform platform = newPlatform(input);
        platforms.persist(platform);
        history.persist(PlatformHistoryEntry.accreditation(platform));
        events.created(platform);
        return platform;
    }

    /**
     * Bulk path (an import's new rows, already validated, checked and known not to exist): the platforms,
     * their hosts, first history steps and events go to the database in two statements, not row by row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createAll(List<PlatformInput> inputs) {
        List<Platform> created = new ArrayList<>(inputs.size());
        for (PlatformInput input : inputs) {
            caller.checkRegion(input.regionCode());
            created.add(newPlatform(input));
        }
        platforms.insertAll(created);
        events.createdAll(created);
    }

    private static Platform newPlatform(PlatformInput input) {
        Platform platform = new Platform();
        platform.id = UUID.randomUUID();
        PlatformMapper.apply(input, platform);
        return platform;
    }


    @Transactional
    public Platform update(UUID id, String ifMatch, PlatformInput input) {
        Platform platform = get(id);
        Preconditions.checkIfMatch(ifMatch, platform.version);
        return replace(platform, input);
    }

    /**
     * Bulk path: replaces an existing platform with an import's row (the file is authoritative, so no
     * If-Match; a platform is known by region and name).
     *
     * @return whether that changed it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replaceFromImport(Platform platform, PlatformInput input) {
        long version = platform.version;
        return replace(platform, input).version != version;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Platform platform = get(id);
        caller.checkRegion(platform.regionCode);
        Preconditions.checkIfMatch(ifMatch, platform.version);
        events.deleted(platform);
        platforms.delete(platform);
    }

    private Platform replace(Platform platform, PlatformInput input) {
        caller.checkRegion(platform.regionCode);
        caller.checkRegion(input.regionCode()); // moving it out of the caller's regions is a change there too
        checkReferences(input);
        platforms.findByName(input.regionCode(), input.nameZh().strip()).filter(other -> !other.id.equals(platform.id))
                .ifPresent(other -> {
                    throw ProblemException.conflict("duplicate", "platform " + other.id + " already has that name in region "
                            + input.regionCode());
                });
        PlatformHistoryEntry before = PlatformHistoryEntry.of(platform, Change.RECLASSIFIED, null, null);
        long version = platform.version;
        PlatformMapper.apply(input, platform);
        recordClassificationChange(platform, before, input.changedOn());
        platforms.flush();
        if (platform.version != version) { // an identical PUT changes nothing and emits nothing
            events.updated(platform);
        }
        return platform;
    }

    /**
     * A change of level, status, type or region is a dated step in the platform's history, effective
     * on {@code changedOn} (today if not given), which cannot precede the previous step.
     */
    private void recordClassificationChange(Platform platform, PlatformHistoryEntry before, LocalDate changedOn) {
        Change change = platform.level != before.level ? Change.LEVEL_CHANGED
                : platform.status != before.status ? Change.STATUS_CHANGED
                : platform.type != before.type || !platform.regionCode.equals(before.regionCode) ? Change.RECLASSIFIED
                : null;
        if (change == null) {
            return;
        }
        LocalDate effective = changedOn != null ? changedOn : LocalDate.now();
        history.latestEffectiveDate(platform.id).filter(effective::isBefore).ifPresent(latest -> {
            throw ProblemException.unprocessable("changedOn", "must not be before the platform's last recorded change ("
                    + latest + "): history cannot go backwards");
        });
        String note = switch (change) {
            case LEVEL_CHANGED -> before.level + " → " + platform.level;
            case STATUS_CHANGED -> before.status + " → " + platform.status;
            default -> before.type + " " + before.regionCode + " → " + platform.type + " " + platform.regionCode;
        };
        history.persist(PlatformHistoryEntry.of(platform, change, effective, note));
    }

    /** What Bean Validation cannot see: referenced records exist, the detail fits the type. */
    public List<Problem.FieldError> referenceErrors(PlatformInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.regionCode() != null && regions.findByIdOptional(input.regionCode()).isEmpty()) {
            errors.add(new Problem.FieldError("regionCode", "region " + input.regionCode() + " does not exist"));
        }
        missingOrganizations(input.hostIds()).forEach(id -> errors.add(
                new Problem.FieldError("hostIds", "organisation " + id + " does not exist")));
        PlatformDetail detail = input.detail();
        if (detail != null && input.type() != null) {
            PlatformType type = input.type();
            if (detail.hasWorkstationDetail() && type != PlatformType.ACADEMICIAN_WORKSTATION) {
                errors.add(new Problem.FieldError("detail", "academicians and partnerEnterprise are for academician workstations"));
            }
            if (detail.hasIncubatorDetail() && type != PlatformType.TECH_BUSINESS_INCUBATOR && type != PlatformType.MAKER_SPACE) {
                errors.add(new Problem.FieldError("detail", "floorAreaM2, tenants and graduates are for incubators and maker spaces"));
            }
            if (detail.hasAllianceDetail()) {
                if (type != PlatformType.INNOVATION_ALLIANCE) {
                    errors.add(new Problem.FieldError("detail", "memberOrganizationIds are for innovation alliances"));
                }
                missingOrganizations(detail.memberOrganizationIds()).forEach(id -> errors.add(
                        new Problem.FieldError("detail.memberOrganizationIds", "organisation " + id + " does not exist")));
            }
        }
        return errors;
    }

    private List<UUID> missingOrganizations(List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Set<UUID> wanted = new HashSet<>(ids);
        organizations.list("id in ?1", wanted).forEach(found -> wanted.remove(found.id));
        return ids.stream().filter(wanted::contains).distinct().toList();
    }

    private void checkReferences(PlatformInput input) {
        List<Problem.FieldError> errors = referenceErrors(input);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
    }
}
