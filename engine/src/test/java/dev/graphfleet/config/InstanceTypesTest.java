package dev.graphfleet.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceTypesTest {

    private final InstanceTypes catalog = InstanceTypes.builtIn();

    @Test
    void theCatalogHasTheFourGravitonFamiliesMediumToSixteenXlarge() {
        assertThat(catalog.names()).hasSize(4 * 8);
        for (String family : new String[] {"m6g", "m7g", "r6g", "r7g"}) {
            for (String size : new String[] {"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge",
                    "16xlarge"}) {
                assertThat(catalog.find(family + "." + size)).as(family + "." + size).isPresent();
            }
        }
    }

    @Test
    void memoryAndVcpusMatchAws() {
        assertThat(catalog.find("m7g.large")).contains(new InstanceType("m7g.large", 2, 8));
        assertThat(catalog.find("r7g.medium")).contains(new InstanceType("r7g.medium", 1, 8));
        assertThat(catalog.find("r7g.large")).contains(new InstanceType("r7g.large", 2, 16));
        assertThat(catalog.find("r7g.xlarge")).contains(new InstanceType("r7g.xlarge", 4, 32));
        assertThat(catalog.find("m6g.16xlarge")).contains(new InstanceType("m6g.16xlarge", 64, 256));
        assertThat(catalog.find("r6g.12xlarge")).contains(new InstanceType("r6g.12xlarge", 48, 384));
        assertThat(catalog.find("m7g.large").orElseThrow().memoryMb()).isEqualTo(8192);
        assertThat(catalog.find("t3.micro")).isEmpty();
    }
}
