package org.innoreg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * P3's search anchor: what a bureau would otherwise run, the platform names in a Lucene index
 * (Elasticsearch and OpenSearch are Lucene underneath), built from the same rows the service
 * searches and queried in this JVM, with no HTTP or database in the way.
 *
 * <p>The index holds each platform's Chinese and English names and aliases in one field, cut by
 * {@link CJKAnalyzer} (Chinese in overlapping bigrams, Latin words lower-cased). A query is what
 * Elasticsearch's {@code match} query makes of a text: its terms ORed, ranked by BM25, top 20. It
 * runs with as many threads as wrk has connections to the service, picking queries at random from
 * the same list, for the same time, so the latencies are comparable with wrk's.
 *
 * <pre>
 * java -cp target/classes:$(cat target/classes/bench-classpath.txt) org.innoreg.bench.LuceneSearchAnchor \
 *     --jdbc jdbc:postgresql://127.0.0.1:5432/innoreg_bench_registry?user=postgres --index DIR \
 *     --queries queries.txt --labels labels.tsv --threads 8 --warmup 10 --seconds 20
 * </pre>
 *
 * It prints one JSON object: the index's build time and size, latencies (ms) and the labelled
 * queries' recall@20.
 */
public final class LuceneSearchAnchor {

    static final String NAMES = "names";
    static final String ID = "id";
    static final int TOP = 20;

    private final Analyzer analyzer = new CJKAnalyzer();
    private final QueryBuilder queries = new QueryBuilder(analyzer);

    /** A text as Elasticsearch's default match query takes it: any of its terms, BM25-ranked. */
    Query query(String text) {
        Query query = queries.createBooleanQuery(NAMES, text, BooleanClause.Occur.SHOULD);
        return query == null ? new MatchNoDocsQuery() : query;
    }

    /** Indexes every platform's names from the registry's database; returns how many. */
    long index(String jdbcUrl, Directory directory) throws SQLException, IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256);
        long count = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                IndexWriter writer = new IndexWriter(directory, config)) {
            connection.setAutoCommit(false); // a cursor, not a million rows in memory
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rows =
                        statement.executeQuery(
                                "SELECT id, name_zh, coalesce(name_en, ''), "
                                        + "array_to_string(aliases, ' ') FROM platform")) {
                    while (rows.next()) {
                        writer.addDocument(
                                document(
                                        rows.getString(1),
                                        String.join(
                                                " ",
                                                rows.getString(2),
                                                rows.getString(3),
                                                rows.getString(4))));
                        count++;
                    }
                }
            }
            writer.commit();
        }
        return count;
    }

    static Document document(String id, String names) {
        Document document = new Document();
        document.add(new StoredField(ID, id));
        document.add(new TextField(NAMES, names, Field.Store.NO));
        return document;
    }

    /** The ids of the best {@link #TOP} platforms for a text. */
    List<String> top(IndexSearcher searcher, String text) throws IOException {
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query(text), TOP).scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).get(ID));
        }
        return ids;
    }

    /** Latencies in ms of queries picked at random, by {@code threads} threads for some seconds. */
    static List<Double> load(
            IndexSearcher searcher, List<Query> queries, int threads, double seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            List<Future<List<Double>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(20261122L + t);
                runs.add(
                        pool.submit(
                                () -> {
                                    List<Double> latencies = new ArrayList<>();
                                    while (System.nanoTime() < end) {
                                        Query query = queries.get(random.nextInt(queries.size()));
                                        long started = System.nanoTime();
                                        searcher.search(query, TOP);
                                        latencies.add((System.nanoTime() - started) / 1e6);
                                    }
                                    return latencies;
                                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> run : runs) {
                all.addAll(run.get());
            }
            all.sort(null);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    static double percentile(List<Double> sorted, int p) {
        return sorted.isEmpty()
                ? Double.NaN
                : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** Labelled queries, one a line: the query, a tab, the expected ids separated by commas. */
    static Map<String, Set<String>> labels(Path file) throws IOException {
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                String[] parts = line.split("\t");
                labels.put(parts[0], Set.of(parts[1].split(",")));
            }
        }
        return labels;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        LuceneSearchAnchor anchor = new LuceneSearchAnchor();
        Path indexDir = Path.of(options.get("index"));
        long started = System.nanoTime();
        try (Directory directory = FSDirectory.open(indexDir)) {
            long documents = anchor.index(options.get("jdbc"), directory);
            double indexSeconds = (System.nanoTime() - started) / 1e9;
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<Query> queries = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of(options.get("queries")))) {
                    if (!line.isBlank()) {
                        queries.add(anchor.query(line.strip()));
                    }
                }
                int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
                load(searcher, queries, threads, Double.parseDouble(options.get("warmup")));
                double seconds = Double.parseDouble(options.get("seconds"));
                List<Double> latencies = load(searcher, queries, threads, seconds);
                StringBuilder recall = new StringBuilder();
                for (Map.Entry<String, Set<String>> label :
                        labels(Path.of(options.get("labels"))).entrySet()) {
                    List<String> found = anchor.top(searcher, label.getKey());
                    long hits = label.getValue().stream().filter(found::contains).count();
                    recall.append(recall.length() == 0 ? "" : ", ")
                            .append(json(label.getKey()))
                            .append(": ")
                            .append(round((double) hits / label.getValue().size()));
                }
                System.out.printf(
                        "{\"documents\": %d, \"segments\": %d, \"index_s\": %s, \"index_mb\": %s,"
                                + " \"requests\": %d, \"rps\": %s, \"p50_ms\": %s, \"p95_ms\": %s,"
                                + " \"p99_ms\": %s, \"recall_at_20\": {%s}}%n",
                        documents,
                        reader.leaves().size(),
                        round(indexSeconds),
                        round(size(indexDir) / 1048576.0),
                        latencies.size(),
                        round(latencies.size() / seconds),
                        round(percentile(latencies, 50)),
                        round(percentile(latencies, 95)),
                        round(percentile(latencies, 99)),
                        recall);
            }
        }
    }

    private static long size(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value * 1000) / 1000.0);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
