-- Text search by terms, as a search engine does it (docs/decisions/0006): every name is cut into
-- Latin/digit words and, for Chinese, overlapping two-character pieces ("科技企业孵化器" → 科技 技企
-- 企业 业孵 孵化 化器), the way Lucene's CJK bigram analyser cuts it. A GIN index over those terms
-- finds the platforms holding all terms of a query without reading the others; the trigram index
-- (platform_search) stays for one-character queries, which have no such term.

-- The terms of a text. The only place that cuts text into terms: the stored column below and every
-- query (search_query) use it, so both sides always agree.
CREATE FUNCTION search_terms(names text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT coalesce(array_agg(DISTINCT piece.term), '{}')
  FROM regexp_matches(lower(coalesce(names, '')), '[㐀-䶿一-鿿豈-﫿]+|[a-z0-9]+', 'g') AS run(m),
       LATERAL (SELECT CASE WHEN run.m[1] ~ '^[a-z0-9]' OR length(run.m[1]) = 1 THEN run.m[1]
                            ELSE substr(run.m[1], i, 2) END AS term
                  FROM generate_series(1, greatest(length(run.m[1]) - 1, 1)) AS i) AS piece
$$;

-- A query's terms as tsquery lexemes. A piece that may continue in a name matches as a prefix: the
-- last word ("incub" finds "incubator") and a lone Chinese character ("号" finds "号楼").
CREATE FUNCTION search_lexemes(q text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT coalesce(array_agg(quote_literal(term)
                              || CASE WHEN length(term) = 1 OR term = last_word THEN ':*' ELSE '' END), '{}')
  FROM unnest(search_terms(q)) AS term,
       LATERAL (SELECT (regexp_match(lower(q), '([a-z0-9]+)\s*$'))[1] AS last_word) AS typed
$$;

-- All terms of a query required; null when the text has no term at all.
CREATE FUNCTION search_query(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CAST(nullif(array_to_string(search_lexemes(q), ' & '), '') AS tsquery)
$$;

-- All terms but any one, from three terms up: the second try when nothing holds them all. A name
-- typed without its spaces ("湘潭功率器件") holds a piece across the gap (潭功) that the name
-- "湘潭碳化硅功率器件重点实验室" does not.
CREATE FUNCTION search_query_relaxed(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE WHEN cardinality(l) < 3 THEN search_query(q)
            ELSE CAST((SELECT string_agg('(' || array_to_string(l[:i - 1] || l[i + 1:], ' & ') || ')', ' | ')
                         FROM generate_series(1, cardinality(l)) AS i) AS tsquery) END
  FROM (SELECT search_lexemes(q) AS l) AS lexemes
$$;

ALTER TABLE platform
    ADD COLUMN search_terms tsvector GENERATED ALWAYS AS (array_to_tsvector(search_terms(search_text))) STORED;
CREATE INDEX platform_search_terms ON platform USING gin (search_terms);
