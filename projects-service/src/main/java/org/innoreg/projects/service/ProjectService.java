package org.innoreg.projects.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.chassis.write.ReplaceableAggregate;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.projects.domain.InvestmentRules;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.domain.ProjectTransition;
import org.innoreg.projects.mapping.ProjectInput;
import org.innoreg.projects.mapping.ProjectMapper;
import org.innoreg.projects.mapping.TransitionInput;
import org.innoreg.projects.publishing.ProjectEvents;
import org.innoreg.projects.repository.ProjectRepository;
import org.innoreg.projects.repository.ProjectTransitionRepository;

@ApplicationScoped
public class ProjectService extends ReplaceableAggregate<Project, ProjectInput> {

    private final ProjectRepository projects;
    private final ProjectTransitionRepository transitions;
    private final ProjectEvents events;
    private final WritePipeline writes;
    private final InvestmentRulesConfig rules;
    private final KnownRegions regions;

    ProjectService(
            ProjectRepository projects,
            ProjectTransitionRepository transitions,
            ProjectEvents events,
            WritePipeline writes,
            InvestmentRulesConfig rules,
            KnownRegions regions) {
        this.rules = rules;
        this.regions = regions;
        this.projects = projects;
        this.transitions = transitions;
        this.events = events;
        this.writes = writes;
    }

    @Override
    public Project get(UUID id) {
        return projects.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("project", id));
    }

    public List<ProjectTransition> history(UUID id) {
        get(id);
        return transitions.of(id);
    }

    @Transactional
    public Project create(ProjectInput input) {
        return writes.create(
                events,
                newProject(input),
                project -> {
                    List<Problem.FieldError> errors = entryErrors(input);
                    if (!errors.isEmpty()) {
                        throw ProblemException.unprocessable(errors);
                    }
                    if (projects.findByName(project.regionCode, project.name).isPresent()) {
                        throw ProblemException.conflict(
                                "duplicate",
                                Messages.text(
                                        "project.duplicate", project.regionCode, project.name));
                    }
                },
                project -> transitions.persist(entry(project)));
    }

    /**
     * Bulk path (an import's new rows, already validated, checked and known not to exist): the
     * projects, their entry into the pipeline and their events go to the database in batches, not
     * row by row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createAll(List<ProjectInput> inputs) {
        writes.createAll(
                events,
                inputs.stream().map(ProjectService::newProject).toList(),
                created -> {
                    // all projects, then all transitions: a JDBC batch holds consecutive inserts
                    // into one table
                    created.forEach(projects::persist);
                    created.forEach(project -> transitions.persist(entry(project)));
                });
    }

    private static Project newProject(ProjectInput input) {
        Project project = new Project();
        project.id = UUID.randomUUID();
        ProjectMapper.apply(input, project);
        project.stage = input.stage() == null ? ProjectStage.LEAD : input.stage();
        project.stageSince =
                input.stageSince() == null ? BureauCalendar.today() : input.stageSince();
        project.signedOn = input.signedOn();
        project.landedOn = input.landedOn();
        return project;
    }

    /** The first transition of a project: it entered the pipeline at its stage. */
    private static ProjectTransition entry(Project project) {
        return ProjectTransition.of(
                project.id, null, project.stage, project.stageSince, "entered the pipeline");
    }

    /**
     * A request's or an import's replacement of a project: its stage moves only by transitions,
     * never by a replacement.
     */
    @Override
    protected boolean replace(Project project, ExpectedVersion expected, ProjectInput input) {
        return writes.update(
                events,
                project,
                expected,
                p -> {
                    if (!input.regionCode().equals(p.regionCode)) {
                        // a project kept in a region it named before regions were checked can
                        // still be edited; moving it needs a region that exists
                        regions.requireInBody("regionCode", input.regionCode());
                    }
                    projects.findByName(input.regionCode(), input.name().strip())
                            .filter(other -> !other.id.equals(p.id))
                            .ifPresent(
                                    other -> {
                                        throw ProblemException.conflict(
                                                "duplicate",
                                                Messages.text(
                                                        "project.name-taken",
                                                        other.id,
                                                        input.regionCode()));
                                    });
                    String implausible =
                            investmentRule(p.completedInvestment, input.plannedInvestment());
                    if (implausible != null) {
                        throw ProblemException.implausible(
                                InvestmentRules.COMPLETED_ABOVE_PLANNED,
                                "plannedInvestment",
                                implausible);
                    }
                    ProjectMapper.apply(input, p);
                });
    }

    /**
     * Why {@code completed} investment cannot be right against {@code planned} ({@link
     * InvestmentRules}, the factor {@code innoreg.projects.rules.max-completed-to-planned}), or
     * null when it can. For a report, a new plan and an import row alike.
     */
    public String investmentRule(BigDecimal completed, BigDecimal planned) {
        if (!InvestmentRules.completedFarAbovePlanned(
                completed, planned, rules.maxCompletedToPlanned())) {
            return null;
        }
        return Messages.text(
                "rule.completed-above-planned",
                completed.stripTrailingZeros().toPlainString(),
                rules.maxCompletedToPlanned().toPlainString(),
                planned.stripTrailingZeros().toPlainString());
    }

    /**
     * Removes a project entered by mistake, with its reports, reviews, milestones and obstacles. A
     * project that was given up is not deleted but moved to CANCELLED, which keeps its history.
     */
    @Transactional
    public void delete(UUID id, ExpectedVersion expected) {
        writes.delete(events, get(id), expected);
    }

    /**
     * Moves a project to another stage on a date: only along the pipeline's legal moves (409 lists
     * the allowed ones) and never back in time (422).
     */
    @Transactional
    public Project transition(UUID id, ExpectedVersion expected, TransitionInput input) {
        Project project = get(id);
        writes.change(
                events,
                project,
                expected,
                ProjectEvents.STAGE_CHANGED,
                p -> {
                    List<ProjectStage> allowed = p.stage.allowedNext(p.stageBeforeStall);
                    if (!allowed.contains(input.to())) {
                        throw ProblemException.conflict(
                                        "illegal-transition",
                                        Messages.text(
                                                "project.illegal-transition",
                                                p.stage,
                                                input.to(),
                                                allowed))
                                .with("stage", p.stage)
                                .with("allowed", allowed);
                    }
                    if (input.on().isBefore(p.stageSince)) {
                        throw ProblemException.unprocessable(
                                "on",
                                Messages.text(
                                        "project.transition-backwards", p.stageSince, p.stage));
                    }
                    ProjectStage from = p.stage;
                    p.moveTo(input.to(), input.on());
                    transitions.persist(
                            ProjectTransition.of(p.id, from, input.to(), input.on(), input.note()));
                });
        return project;
    }

    /** What Bean Validation cannot see about where a project enters the pipeline. */
    public List<Problem.FieldError> entryErrors(ProjectInput input) {
        List<Problem.FieldError> errors =
                new ArrayList<>(regions.fieldErrors("regionCode", input.regionCode()));
        ProjectStage stage = input.stage() == null ? ProjectStage.LEAD : input.stage();
        if (stage == ProjectStage.STALLED || stage == ProjectStage.CANCELLED) {
            errors.add(new Problem.FieldError("stage", Messages.text("project.entry-stage")));
        }
        if (input.signedOn() != null && stage.ordinal() < ProjectStage.SIGNED.ordinal()) {
            errors.add(
                    new Problem.FieldError(
                            "signedOn", Messages.text("project.only-from-stage", "SIGNED")));
        }
        if (input.landedOn() != null && stage.ordinal() < ProjectStage.LANDED.ordinal()) {
            errors.add(
                    new Problem.FieldError(
                            "landedOn", Messages.text("project.only-from-stage", "LANDED")));
        }
        if (input.signedOn() != null
                && input.landedOn() != null
                && input.landedOn().isBefore(input.signedOn())) {
            errors.add(
                    new Problem.FieldError(
                            "landedOn", Messages.text("field.not-before", "signedOn")));
        }
        LocalDate since = input.stageSince() == null ? BureauCalendar.today() : input.stageSince();
        for (var date :
                new Object[][] {{"signedOn", input.signedOn()}, {"landedOn", input.landedOn()}}) {
            if (date[1] != null && ((LocalDate) date[1]).isAfter(since)) {
                errors.add(
                        new Problem.FieldError(
                                (String) date[0],
                                Messages.text("project.after-stage-since", since)));
            }
        }
        return errors;
    }
}
