package org.innoreg.chassis.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link KeysetQuery}'s statements as Hibernate native queries, with its named parameters.
 * Only the parameters a statement names are bound: a count has no position or limit, and Hibernate
 * refuses a value for a parameter its statement lacks.
 */
public final class JdbcSearch {

    private JdbcSearch() {}

    /** {@code sql} (one of the query's statements) as a native query, its parameters bound. */
    public static Query query(EntityManager entityManager, KeysetQuery query, String sql) {
        return bind(entityManager.createNativeQuery(sql), query, sql);
    }

    /** The same, its rows mapped by the named {@code @SqlResultSetMapping}. */
    public static Query query(
            EntityManager entityManager, KeysetQuery query, String sql, String resultMapping) {
        return bind(entityManager.createNativeQuery(sql, resultMapping), query, sql);
    }

    /** The same, its rows read as {@code entity}. */
    public static Query query(
            EntityManager entityManager, KeysetQuery query, String sql, Class<?> entity) {
        return bind(entityManager.createNativeQuery(sql, entity), query, sql);
    }

    /** How many rows the query's conditions keep. */
    public static long count(EntityManager entityManager, KeysetQuery query) {
        return ((Number) query(entityManager, query, query.count()).getSingleResult()).longValue();
    }

    /** {@link KeysetQuery#facet}'s counts, by value, in its order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Long> facet(
            EntityManager entityManager, KeysetQuery query, String column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row :
                (List<Object[]>) query(entityManager, query, query.facet(column)).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static Query bind(Query nativeQuery, KeysetQuery query, String sql) {
        for (String name : KeysetQuery.names(sql)) {
            if (!query.params().containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            nativeQuery.setParameter(name, query.params().get(name));
        }
        return nativeQuery;
    }
}
