package org.innoreg.registry.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.chassis.write.ReplaceableAggregate;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformHistoryEntry;
import org.innoreg.registry.domain.PlatformHistoryEntry.Change;
import org.innoreg.registry.mapping.PlatformInput;
import org.innoreg.registry.mapping.PlatformMapper;
import org.innoreg.registry.mapping.PlatformView;
import org.innoreg.registry.publishing.PlatformEvents;
import org.innoreg.registry.repository.PlatformBulkInsert;
import org.innoreg.registry.repository.PlatformHistoryRepository;
import org.innoreg.registry.repository.PlatformRepository;
import org.innoreg.registry.repository.PlatformViewQuery;

@ApplicationScoped
public class PlatformService extends ReplaceableAggregate<Platform, PlatformInput> {

    private final PlatformRepository platforms;
    private final PlatformHistoryRepository history;
    private final PlatformReferences references;
    private final PlatformBulkInsert inserts;
    private final PlatformEvents events;
    private final PlatformViewQuery views;
    private final WritePipeline writes;

    PlatformService(
            PlatformRepository platforms,
            PlatformHistoryRepository history,
            PlatformReferences references,
            PlatformBulkInsert inserts,
            PlatformEvents events,
            PlatformViewQuery views,
            WritePipeline writes) {
        this.views = views;
        this.writes = writes;
        this.platforms = platforms;
        this.history = history;
        this.references = references;
        this.inserts = inserts;
        this.events = events;
    }

    @Override
    public Platform get(UUID id) {
        return platforms
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("platform", id));
    }

    /**
     * For reading: the platform as the API shows it, in one statement without loading the entity.
     */
    public Uni<PlatformView> read(UUID id) {
        return views.byId(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("platform", id));
    }

    public List<PlatformHistoryEntry> history(UUID id) {
        get(id);
        return history.of(id);
    }

    @Transactional
    public Platform create(PlatformInput input) {
        return writes.create(
                events,
                newPlatform(input),
                p -> {
                    checkReferences(input);
                    if (platforms.findByName(p.regionCode, p.nameZh).isPresent()) {
                        throw ProblemException.conflict(
                                "duplicate",
                                Messages.text("platform.duplicate", p.regionCode, p.nameZh));
                    }
                },
                p -> history.persist(PlatformHistoryEntry.accreditation(p)));
    }

    /**
     * Bulk path (an import's new rows, already validated, checked and known not to exist): the
     * platforms, their hosts, first history steps and events go to the database in two statements,
     * not row by row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createAll(List<PlatformInput> inputs) {
        writes.createAll(
                events,
                inputs.stream().map(PlatformService::newPlatform).toList(),
                inserts::insertAll);
    }

    private static Platform newPlatform(PlatformInput input) {
        Platform platform = new Platform();
        platform.id = UUID.randomUUID();
        PlatformMapper.apply(input, platform);
        return platform;
    }

    @Transactional
    public void delete(UUID id, ExpectedVersion expected) {
        writes.delete(events, get(id), expected);
    }

    @Override
    protected boolean replace(Platform platform, ExpectedVersion expected, PlatformInput input) {
        return writes.update(
                events,
                platform,
                expected,
                p -> {
                    checkReferences(input);
                    platforms
                            .findByName(input.regionCode(), input.nameZh().strip())
                            .filter(other -> !other.id.equals(p.id))
                            .ifPresent(
                                    other -> {
                                        throw ProblemException.conflict(
                                                "duplicate",
                                                Messages.text(
                                                        "platform.name-taken",
                                                        other.id,
                                                        input.regionCode()));
                                    });
                    PlatformHistoryEntry before =
                            PlatformHistoryEntry.of(p, Change.RECLASSIFIED, null, null);
                    LocalDate accreditedBefore = p.accreditedOn;
                    PlatformMapper.apply(input, p);
                    if (!Objects.equals(accreditedBefore, p.accreditedOn)) {
                        redateAccreditation(p);
                    }
                    recordClassificationChange(p, before, input.changedOn());
                });
    }

    /**
     * The accreditation date is the date of the history's first step: correcting it, or giving one
     * a platform registered without it, moves that step (without a date it is the day the platform
     * was registered). The step stays the first: a date after the platform's next recorded change
     * is refused.
     */
    private void redateAccreditation(Platform platform) {
        List<PlatformHistoryEntry> steps = history.of(platform.id);
        PlatformHistoryEntry first = steps.get(0);
        LocalDate since =
                platform.accreditedOn != null
                        ? platform.accreditedOn
                        : platform.createdAt.atZoneSameInstant(BureauCalendar.ZONE).toLocalDate();
        if (steps.size() > 1 && since.isAfter(steps.get(1).effectiveOn)) {
            throw ProblemException.unprocessable(
                    "accreditedOn",
                    Messages.text("platform.accredited-after-change", steps.get(1).effectiveOn));
        }
        first.effectiveOn = since;
    }

    /**
     * A change of level, status, type or region is a dated step in the platform's history,
     * effective on {@code changedOn} (today if not given), which cannot precede the previous step.
     */
    private void recordClassificationChange(
            Platform platform, PlatformHistoryEntry before, LocalDate changedOn) {
        Change change =
                platform.level != before.level
                        ? Change.LEVEL_CHANGED
                        : platform.status != before.status
                                ? Change.STATUS_CHANGED
                                : platform.type != before.type
                                                || !platform.regionCode.equals(before.regionCode)
                                        ? Change.RECLASSIFIED
                                        : null;
        if (change == null) {
            return;
        }
        LocalDate effective = changedOn != null ? changedOn : BureauCalendar.today();
        history.latestEffectiveDate(platform.id)
                .filter(effective::isBefore)
                .ifPresent(
                        latest -> {
                            throw ProblemException.unprocessable(
                                    "changedOn",
                                    Messages.text("platform.change-backwards", latest));
                        });
        String note =
                switch (change) {
                    case LEVEL_CHANGED -> before.level + " → " + platform.level;
                    case STATUS_CHANGED -> before.status + " → " + platform.status;
                    default ->
                            before.type
                                    + " "
                                    + before.regionCode
                                    + " → "
                                    + platform.type
                                    + " "
                                    + platform.regionCode;
                };
        history.persist(PlatformHistoryEntry.of(platform, change, effective, note));
    }

    private void checkReferences(PlatformInput input) {
        List<Problem.FieldError> errors = references.errors(input);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
    }
}
