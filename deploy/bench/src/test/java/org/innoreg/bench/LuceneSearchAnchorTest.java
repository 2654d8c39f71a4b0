package org.innoreg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The anchor answers as a search engine would, so the bench compares the service with it. */
@Tag("fast")
class LuceneSearchAnchorTest {

    @Test
    void findsByChineseBigramsAndEnglishWordsInAnyOrder() throws Exception {
        LuceneSearchAnchor anchor = new LuceneSearchAnchor();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer =
                    new IndexWriter(directory, new IndexWriterConfig(new CJKAnalyzer()))) {
                writer.addDocument(
                        LuceneSearchAnchor.document(
                                "a", "湘潭碳化硅功率器件重点实验室 Xiangtan Silicon Carbide Key Laboratory"));
                writer.addDocument(
                        LuceneSearchAnchor.document(
                                "b", "株洲轨道交通装备众创空间 Zhuzhou Rail Transit Maker Space"));
                writer.addDocument(
                        LuceneSearchAnchor.document("c", "长沙华信达新材料重点实验室 Changsha Key Laboratory"));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertEquals(List.of("a"), anchor.top(searcher, "碳化硅"));
                assertEquals("b", anchor.top(searcher, "轨道交通 株洲").get(0));
                assertEquals(List.of("a"), anchor.top(searcher, "SILICON carbide"));
                assertEquals(2, anchor.top(searcher, "重点实验室").size());
                assertTrue(anchor.top(searcher, "!!").isEmpty());
            }
        }
    }
}
