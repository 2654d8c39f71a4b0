package org.innoreg.gateway.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The channels the gateway reads from the services' documents ({@code x-innoreg-events}). */
@Tag("fast")
class PublishedChannelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode document(String service, String aggregate) throws Exception {
        return (ObjectNode)
                JSON.readTree(
                        ("{'openapi':'3.1.0','x-innoreg-events':{'service':'%1$s',"
                                        + "'source':'urn:innoreg:%1$s','channels':[{'aggregate':'%2$s',"
                                        + "'topic':'%1$s.%2$s.v1','description':'d','key':'k',"
                                        + "'payload':{'$ref':'#/components/schemas/View'},"
                                        + "'unpublished':['keeper'],"
                                        + "'steps':{'field':'history','description':'h',"
                                        + "'items':{'$ref':'#/components/schemas/Step'}},"
                                        + "'messages':[{'action':'created',"
                                        + "'type':'org.innoreg.%1$s.%2$s.created'}]}]}}")
                                .formatted(service, aggregate)
                                .replace('\'', '"'));
    }

    @Test
    void channelsComeFromEachDocumentByServiceName() throws Exception {
        Map<String, ObjectNode> documents = new HashMap<>();
        documents.put("zeta", document("zeta", "thing"));
        documents.put("alpha", document("alpha", "item"));
        documents.put("quiet", (ObjectNode) JSON.readTree("{\"openapi\":\"3.1.0\"}"));
        List<PublishedChannels.Channel> channels = PublishedChannels.of(documents);
        assertThat(channels)
                .extracting(PublishedChannels.Channel::topic)
                .containsExactly("alpha.item.v1", "zeta.thing.v1");
        PublishedChannels.Channel item = channels.get(0);
        assertThat(item.service()).isEqualTo("alpha");
        assertThat(item.source()).isEqualTo("urn:innoreg:alpha");
        assertThat(item.schema()).isEqualTo("View");
        assertThat(item.steps()).isEqualTo(new PublishedChannels.Steps("history", "Step", "h"));
        assertThat(item.messages())
                .containsExactly(
                        new PublishedChannels.Message("created", "org.innoreg.alpha.item.created"));
        assertThat(item.unpublished()).containsExactly("keeper");
    }

    @Test
    void whatEachTypeWithholdsIsKnownOnlyForTheTypesTheDocumentsState() throws Exception {
        Map<String, ObjectNode> documents = new HashMap<>();
        documents.put("alpha", document("alpha", "item"));
        documents.put("quiet", (ObjectNode) JSON.readTree("{\"openapi\":\"3.1.0\"}"));
        documents.put("away", null); // a service the gateway has not reached
        Map<String, List<String>> byType =
                PublishedChannels.unpublishedByType(PublishedChannels.of(documents));
        assertThat(byType)
                .containsExactly(Map.entry("org.innoreg.alpha.item.created", List.of("keeper")));
    }

    @Test
    void anAnonymousReaderGetsTheEventWithoutWhatItsContractWithholds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String event =
                """
                {"type":"org.innoreg.projects.project.updated","datacontenttype":"application/json",
                 "data":{"name":"Jiaduobao plant","responsibleOfficial":"Deputy mayor",
                         "reviews":[{"on":"2019-03-01","responsibleOfficial":"Deputy mayor"}]}}""";
        var withheld =
                PublishedChannels.asPublished(
                        json.readTree(event),
                        Map.of(
                                "org.innoreg.projects.project.updated",
                                List.of("responsibleOfficial")));
        assertThat(withheld.toString())
                .contains("Jiaduobao plant", "2019-03-01")
                .doesNotContain("Deputy mayor");
        // a type whose contract the gateway has not read: no data rather than a guess
        var unknown = PublishedChannels.asPublished(json.readTree(event), Map.of());
        assertThat(unknown.has("data")).isFalse();
        assertThat(unknown.has("datacontenttype")).isFalse();
        assertThat(unknown.path("type").asText()).isEqualTo("org.innoreg.projects.project.updated");
    }
}
