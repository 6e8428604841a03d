package com.example.containers.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link EcrImageUri}. */
class EcrImageUriTests {

	private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	@Test
	void parseWhenTaggedShouldSplitAccountRegionRepositoryAndTag() {
		assertThat(EcrImageUri.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/main:1.0.0"))
			.contains(new EcrImageUri("123456789012", "eu-west-1", "amazonaws.com", "team/main", "1.0.0"));
	}

	@Test
	void parseWhenPinnedByDigestShouldKeepTheDigest() {
		assertThat(EcrImageUri.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/main@" + DIGEST))
			.hasValueSatisfying((uri) -> assertThat(uri.tagOrDigest()).isEqualTo(DIGEST));
	}

	@Test
	void parseWhenUntaggedShouldUseLatest() {
		assertThat(EcrImageUri.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/main"))
			.hasValueSatisfying((uri) -> assertThat(uri.tagOrDigest()).isEqualTo("latest"));
	}

	@Test
	void parseWhenNotAPrivateEcrRepositoryShouldBeEmpty() {
		assertThat(EcrImageUri.parse("public.ecr.aws/xray/aws-xray-daemon:3.6.6")).isEmpty();
		assertThat(EcrImageUri.parse("eclipse-temurin:21-jre")).isEmpty();
		assertThat(EcrImageUri.parse("12345.dkr.ecr.us-east-1.amazonaws.com/main:1")).isEmpty();
	}

	@Test
	void repositoryArnShouldUseThePartitionOfTheRegistry() {
		assertThat(EcrImageUri.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/main:1")
			.orElseThrow()
			.repositoryArn()).isEqualTo("arn:aws:ecr:eu-west-1:123456789012:repository/team/main");
		assertThat(EcrImageUri.parse("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/main:1")
			.orElseThrow()
			.repositoryArn()).isEqualTo("arn:aws-cn:ecr:cn-north-1:123456789012:repository/main");
	}

}
