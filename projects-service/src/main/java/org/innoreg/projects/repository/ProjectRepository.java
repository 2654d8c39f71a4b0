package org.innoreg.projects.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.projects.domain.Project;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {
}
