package org.innoreg.projects.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.innoreg.projects.domain.ProjectTransition;

@ApplicationScoped
public class ProjectTransitionRepository implements PanacheRepository<ProjectTransition> {

    public List<ProjectTransition> of(UUID projectId) {
        return list("projectId", Sort.by("id"), projectId);
    }

    /** The transitions of many projects, each project's oldest first. */
    public List<ProjectTransition> ofAll(List<UUID> projectIds) {
        return projectIds.isEmpty()
                ? List.of()
                : list("projectId in ?1", Sort.by("projectId").and("id"), projectIds);
    }
}
