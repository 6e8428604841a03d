package com.example.containers.deploy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image URI of a private Amazon ECR repository, split into the parts the CDK needs to
 * grant the task's execution role the right to pull it.
 *
 * @param account the account that owns the repository
 * @param region the repository's region
 * @param urlSuffix {@code amazonaws.com}, or {@code amazonaws.com.cn} in the China
 * regions
 * @param repositoryName the repository name, which may contain slashes
 * @param tagOrDigest the tag, or a digest starting with {@code sha256:}
 */
public record EcrImageUri(String account, String region, String urlSuffix, String repositoryName, String tagOrDigest) {

	private static final Pattern PATTERN = Pattern
		.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.(amazonaws\\.com(?:\\.cn)?)/([a-z0-9._/-]+?)(?::([\\w.-]+))?"
				+ "(?:@(sha256:[a-f0-9]{64}))?");

	/**
	 * Parses an image URI.
	 * @param uri an image URI as given to {@code docker pull}
	 * @return the parts when the URI names a private ECR repository, empty for any other
	 * registry
	 */
	public static Optional<EcrImageUri> parse(String uri) {
		Matcher matcher = PATTERN.matcher(uri);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String tagOrDigest = (matcher.group(6) != null) ? matcher.group(6)
				: (matcher.group(5) != null) ? matcher.group(5) : "latest";
		return Optional
			.of(new EcrImageUri(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4), tagOrDigest));
	}

	/** The repository's ARN, in the partition its URL suffix belongs to. */
	public String repositoryArn() {
		String partition = this.urlSuffix.endsWith(".cn") ? "aws-cn" : "aws";
		return "arn:" + partition + ":ecr:" + this.region + ":" + this.account + ":repository/" + this.repositoryName;
	}

}
