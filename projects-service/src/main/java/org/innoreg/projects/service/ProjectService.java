package org.innoreg.projects.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.events.ProjectEvents;
import org.innoreg.projects.mapping.ProjectInput;
import org.innoreg.projects.mapping.ProjectMapper;
import org.innoreg.projects.repository.ProjectRepository;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectEvents events;

    ProjectService(ProjectRepository projects, ProjectEvents events) {
        this.projects = projects;
        this.events = events;
    }

    public Project get(UUID id) {
        return projects.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("project", id));
    }

    /** Projects in a region and its descendants (GB/T 2260 codes share their parent's prefix). */
    public List<Project> list(String regionPrefix, int limit) {
        if (regionPrefix == null) {
            return projects.findAll(Sort.by("createdAt").and("id")).page(Page.ofSize(limit)).list();
        }
        return projects.find("regionCode like ?1", Sort.by("createdAt").and("id"), regionPrefix + "%")
                .page(Page.ofSize(limit)).list();
    }

    @Transactional
    public Project create(ProjectInput input) {
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.stage = ProjectStage.LEAD;
        ProjectMapper.apply(input, project);
        projects.persist(project);
        events.created(project);
        return project;
    }
}
