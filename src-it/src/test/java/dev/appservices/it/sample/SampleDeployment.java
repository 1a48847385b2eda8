package dev.appservices.it.sample;

import dev.appservices.it.Deployments;
import java.io.File;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The sample's WAR as it is built, for the tests of its page. The sample is a Liberty sample: on WildFly the
 * deployment holds nothing and the tests are skipped.
 */
final class SampleDeployment {

    private SampleDeployment() {}

    /** The sample, with its users kept in memory; an empty archive on WildFly. */
    static WebArchive war() {
        if (!onLiberty()) {
            return Deployments.war("sample-not-on-wildfly", Map.of());
        }
        File built = new File(System.getProperty("it.sample.war"));
        WebArchive sample = ShrinkWrap.createFromZipFile(WebArchive.class, built);
        // the sample's server.xml seals the users with the server's key store; this server keeps them in memory
        sample.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        sample.addAsResource(
                new StringAsset("appservices.sample.metadata.mode=in-memory\n"),
                "META-INF/microprofile-config.properties");
        return ShrinkWrap.create(WebArchive.class, "sample.war").merge(sample);
    }

    static boolean onLiberty() {
        return "liberty-managed".equals(System.getProperty("arquillian.launch"));
    }
}
