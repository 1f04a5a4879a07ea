package io.signalbox.bench.catalog;

import static io.signalbox.bench.catalog.Words.ascii;
import static io.signalbox.bench.catalog.Words.pick;
import static io.signalbox.bench.catalog.Words.sentenceCase;
import static io.signalbox.bench.catalog.Words.slugify;
import static io.signalbox.bench.catalog.Words.snake;
import static io.signalbox.bench.catalog.Words.titleCase;

import io.signalbox.bench.catalog.CatalogModel.ColumnRow;
import io.signalbox.bench.catalog.CatalogModel.DeclaredConsumer;
import io.signalbox.bench.catalog.CatalogModel.DomainRow;
import io.signalbox.bench.catalog.CatalogModel.InputPort;
import io.signalbox.bench.catalog.CatalogModel.LifecycleMapping;
import io.signalbox.bench.catalog.CatalogModel.OutputPort;
import io.signalbox.bench.catalog.CatalogModel.ProductRow;
import io.signalbox.bench.catalog.CatalogModel.SlaProperty;
import io.signalbox.bench.catalog.CatalogModel.SupportChannel;
import io.signalbox.bench.catalog.CatalogModel.TeamMember;
import io.signalbox.bench.catalog.CatalogModel.VersionRow;
import io.signalbox.bench.catalog.DescriptorDocuments.Identity;
import io.signalbox.bench.catalog.DescriptorDocuments.SlaValue;
import io.signalbox.bench.catalog.TelcoVocabulary.DomainWords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A synthetic telco catalog, defined entirely by a seed: product {@code i} is always the same product, whichever
 * order or thread generates it, because each product draws from random streams seeded by (seed, i). Titles, purposes,
 * tags and columns are drawn with Zipf frequencies from {@link TelcoVocabulary} and {@link LongTail}.
 */
public final class SyntheticCatalog {

    /** Every timestamp lies before this fixed instant, so that the same seed gives byte-identical data. */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private static final int PEOPLE_PER_DOMAIN = 40;
    private static final int TEAMS_PER_DOMAIN = 8;
    private static final String[] TEAM_ENDINGS = {"Data Team", "Analytics", "Data Products", "Engineering", "Insights"};
    private static final List<List<LifecycleMapping>> LIFECYCLE_MAPPINGS = List.of(
            List.of(new LifecycleMapping("in-service", "active"), new LifecycleMapping("decommissioned", "terminated")),
            List.of(new LifecycleMapping("open", "active"), new LifecycleMapping("closed", "terminated")),
            List.of(
                    new LifecycleMapping("pending", "planned"),
                    new LifecycleMapping("live", "active"),
                    new LifecycleMapping("ceased", "terminated")));

    // Random streams of one product, each independent of the others.
    private static final int TITLE_STREAM = 1;
    private static final int BODY_STREAM = 2;
    private static final int HISTORY_STREAM = 3;

    /** A domain with its people and teams, who own and consume its products. */
    record Domain(
            DomainWords words,
            ZipfChoice<String> subjects,
            ZipfChoice<String> columns,
            ZipfChoice<Person> people,
            ZipfChoice<String> teams) {}

    record Person(String name, String email) {}

    /** What names a product, drawn from its own random stream so that other products can refer to it cheaply. */
    record Title(Domain domain, String subject, String qualifier, String shape, String title, String slug) {

        String key() {
            return domain.words().key() + "." + slug;
        }
    }

    private final long seed;
    private final double historyShare;
    private final List<Domain> domains = new ArrayList<>();
    private final double[] domainCumulativeShare;
    private final ZipfChoice<String> codeNames;
    private final ZipfChoice<String> qualifiers = ZipfChoice.of(TelcoVocabulary.QUALIFIERS);
    private final ZipfChoice<String> shapes = ZipfChoice.of(TelcoVocabulary.SHAPES);
    private final ZipfChoice<String> breakdowns = ZipfChoice.of(TelcoVocabulary.BREAKDOWNS);
    private final ZipfChoice<String> goals = ZipfChoice.of(TelcoVocabulary.GOALS);
    private final ZipfChoice<String> tags = ZipfChoice.of(TelcoVocabulary.TAGS);
    private final SyntheticColumns columns;
    private final SyntheticProse prose;

    /**
     * @param historyShare the share of products that also have an earlier version (with its own columns), so that
     *     the catalog holds versions that are not current, as a real one does
     */
    public SyntheticCatalog(long seed, double historyShare) {
        this(seed, historyShare, TelcoVocabulary.DOMAINS.size());
    }

    /**
     * @param domainCount how many domains: the vocabulary's own, then copies of them ({@code network-2}, "Network
     *     Operations 2", …) with the same words and share, for a mesh as large as a big organisation's (the domain
     *     map and the readiness heatmap are measured at 500)
     */
    public SyntheticCatalog(long seed, double historyShare, int domainCount) {
        this.seed = seed;
        this.historyShare = historyShare;
        this.codeNames = new ZipfChoice<>(LongTail.words(seed, 5_000), 1.05);
        this.columns = new SyntheticColumns(codeNames);
        this.prose = new SyntheticProse(codeNames);
        List<Person> everyone = people(new SplittableRandom(seed));
        int vocabulary = TelcoVocabulary.DOMAINS.size();
        for (int i = 0; i < domainCount; i++) {
            DomainWords words = TelcoVocabulary.DOMAINS.get(i % vocabulary);
            int copy = i / vocabulary + 1;
            if (copy > 1) {
                words = new DomainWords(
                        words.key() + "-" + copy,
                        words.name() + " " + copy,
                        words.share(),
                        words.businessOwner(),
                        words.subjects(),
                        words.columns(),
                        words.boundedContext());
            }
            int people = i % vocabulary;
            domains.add(new Domain(
                    words,
                    ZipfChoice.of(words.subjects()),
                    ZipfChoice.of(words.columns()),
                    ZipfChoice.of(everyone.subList(people * PEOPLE_PER_DOMAIN, (people + 1) * PEOPLE_PER_DOMAIN)),
                    ZipfChoice.of(teams(words, new SplittableRandom(seed + i)))));
        }
        domainCumulativeShare = new double[domains.size()];
        double sum = 0;
        for (int i = 0; i < domains.size(); i++) {
            sum += domains.get(i).words().share();
            domainCumulativeShare[i] = sum;
        }
        if (domainCount > vocabulary) {
            drawUpstreamDomains();
        }
    }

    public List<DomainRow> domains() {
        return domains.stream()
                .map(d -> new DomainRow(
                        d.words().key(),
                        d.words().name(),
                        d.words().boundedContext() + " Its products are mostly about "
                                + String.join(", ", d.words().subjects().subList(0, 4)) + ".",
                        d.words().businessOwner(),
                        d.words().key() + "-data@telco.example"))
                .toList();
    }

    /** The title of product {@code index}, without generating the rest of it. */
    public String titleOf(int index) {
        return title(index).title();
    }

    /** The key of product {@code index}, without generating the rest of it. */
    public String keyOf(int index) {
        return title(index).key();
    }

    public ProductRow product(int index) {
        Title title = title(index);
        SplittableRandom random = stream(index, BODY_STREAM);
        Domain domain = title.domain();

        String status = pick(random, new String[] {"published", "deprecated", "retired", "draft"}, 85, 10, 3, 2);
        String classification =
                pick(random, new String[] {"public", "internal", "confidential", "restricted"}, 15, 45, 30, 10);
        int major = status.equals("draft") ? 0 : pick(random, new Integer[] {1, 2, 3}, 60, 30, 10);
        int minor = random.nextInt(status.equals("draft") ? 4 : 7);
        int patch = random.nextDouble() < 0.7 ? 0 : 1 + random.nextInt(3);
        if (major == 0 && minor == 0 && patch == 0) {
            minor = 1;
        }
        String version = major + "." + minor + "." + patch;

        Person owner = domain.people().draw(random);
        String teamName = domain.teams().draw(random);
        List<ColumnRow> schema = columns.draw(random, title, classification);
        String source = prose.source(random);
        String fresh = prose.freshness(random);
        Instant createdAt = EPOCH.minus(Duration.ofSeconds(random.nextLong(3L * 365 * 24 * 3600)));
        Instant publishedAt = between(random, createdAt, EPOCH);
        double availability = pick(random, new Double[] {99.5, 99.9, 99.0, 99.95}, 40, 30, 20, 10);
        int retentionDays = pick(random, new Integer[] {400, 90, 730, 2555}, 40, 25, 25, 10);
        List<SlaValue> sla = List.of(
                new SlaValue("freshness", fresh, null),
                new SlaValue("availability", availability, "percent"),
                new SlaValue("retention", retentionDays, "days"));

        VersionRow current = new VersionRow(
                version,
                major,
                minor,
                patch,
                title.title(),
                prose.purpose(random, title, schema, source, fresh, teamName),
                random.nextDouble() < 0.4 ? prose.limitations(random, title, source) : null,
                random.nextBoolean()
                        ? prose.usage(random, schema, domain(random).subjects().draw(random))
                        : null,
                status,
                classification,
                owner.name(),
                owner.email(),
                teamName,
                team(random, domain, owner),
                support(random, teamName),
                tags(random, title),
                outputPorts(random, title, version, major),
                inputPorts(random, index, domain),
                consumers(random, domain),
                random.nextDouble() < 0.25
                        ? LIFECYCLE_MAPPINGS.get(random.nextInt(LIFECYCLE_MAPPINGS.size()))
                        : List.of(),
                fresh,
                availability + "%",
                sla.stream()
                        .map(p -> new SlaProperty(p.property(), String.valueOf(p.value()), p.unit()))
                        .toList(),
                prose.changelog(random, version, schema, title),
                null,
                null,
                publishedAt,
                owner.email().substring(0, owner.email().indexOf('@')),
                schema);

        UUID externalId = new UUID(random.nextLong(), random.nextLong());
        Identity identity = new Identity(externalId.toString(), domain.words().key(), title.slug(), odpsStatus(status));
        List<VersionRow> versions = new ArrayList<>();
        earlierVersion(index, title, current, createdAt).ifPresent(v -> versions.add(described(identity, v, sla)));
        versions.add(described(identity, current, sla));
        return new ProductRow(
                title.key(),
                domain.words().key(),
                title.slug(),
                externalId.toString(),
                status,
                createdAt,
                publishedAt,
                versions);
    }

    /** For some products, the version before the current one: one line down, with a column or two fewer. */
    private Optional<VersionRow> earlierVersion(int index, Title title, VersionRow current, Instant createdAt) {
        SplittableRandom random = stream(index, HISTORY_STREAM);
        int major = current.major();
        int minor = current.minor();
        if (random.nextDouble() >= historyShare || major == 0 || (major == 1 && minor == 0)) {
            return Optional.empty();
        }
        int earlierMajor = minor > 0 ? major : major - 1;
        int earlierMinor = minor > 0 ? minor - 1 : 4;
        String earlierVersion = earlierMajor + "." + earlierMinor + ".0";
        List<ColumnRow> schema = current.columns();
        List<ColumnRow> earlierColumns = schema.subList(0, Math.max(2, schema.size() - 1 - random.nextInt(3)));
        return Optional.of(current.earlier(
                earlierVersion,
                earlierMajor,
                earlierMinor,
                0,
                prose.changelog(random, earlierVersion, earlierColumns, title),
                between(random, createdAt, current.publishedAt()),
                earlierColumns,
                outputPorts(random, title, earlierVersion, earlierMajor)));
    }

    private static VersionRow described(Identity identity, VersionRow version, List<SlaValue> sla) {
        DescriptorDocuments.Written written = DescriptorDocuments.write(identity, version, sla);
        return version.withDescriptor(written.text(), written.contentHash());
    }

    private Title title(int index) {
        SplittableRandom random = stream(index, TITLE_STREAM);
        Domain domain = domain(random);
        String subject = domain.subjects().draw(random);
        String qualifier = qualifiers.draw(random);
        String shape = shapes.draw(random);
        double pattern = random.nextDouble();
        String title;
        if (pattern < 0.4) {
            title = qualifier + " " + subject + " " + shape;
        } else if (pattern < 0.7) {
            title = subject + " " + shape;
        } else if (pattern < 0.9) {
            title = subject + " " + shape + " by " + breakdowns.draw(random);
        } else {
            title = codeNames.draw(random) + " " + subject + " " + shape;
        }
        title = sentenceCase(title);
        String slug = slugify(title);
        if (slug.length() > 50) {
            slug = slugify(slug.substring(0, 50));
        }
        if (!Character.isLetter(slug.charAt(0))) {
            slug = "dp-" + slug;
        }
        // The index in base 36 keeps keys unique when titles repeat, as they do in real catalogs.
        slug = slug + "-" + Integer.toString(index, 36);
        return new Title(domain, subject, qualifier, shape, title, slug);
    }

    /**
     * In a mesh larger than the vocabulary's, each domain depends on this many others (drawn by share, fixed by the
     * seed), and its products read from those and from their own domain only; their consumers are the domains
     * depending on theirs. A large organisation's mesh is sparse: 500 domains make about 1 500 dependencies, where
     * reading from any domain would join nearly every pair.
     */
    static final int UPSTREAM_DOMAINS = 3;

    private int[][] upstream;
    private int[][] downstream;

    private void drawUpstreamDomains() {
        upstream = new int[domains.size()][];
        List<List<Integer>> readers = new ArrayList<>();
        domains.forEach(d -> readers.add(new ArrayList<>()));
        for (int i = 0; i < domains.size(); i++) {
            SplittableRandom random = new SplittableRandom(seed * 7919 + i);
            Set<Integer> chosen = new LinkedHashSet<>();
            for (int attempts = 0; chosen.size() < UPSTREAM_DOMAINS && attempts < 100; attempts++) {
                int other = domains.indexOf(domain(random));
                if (other != i && chosen.add(other)) {
                    readers.get(other).add(i);
                }
            }
            upstream[i] = chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        downstream = readers.stream()
                .map(r -> r.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** Each domain's products by index, ascending, known up to {@code known} (grown on demand, in index order). */
    private final List<List<Integer>> productsByDomain = new ArrayList<>();

    private int known;

    /** A product of domain {@code domainIndex} with an index below {@code index}, or -1 when it has none. */
    private synchronized int productBefore(int domainIndex, int index, SplittableRandom random) {
        if (productsByDomain.isEmpty()) {
            domains.forEach(d -> productsByDomain.add(new ArrayList<>()));
        }
        for (; known < index; known++) {
            productsByDomain.get(domains.indexOf(title(known).domain())).add(known);
        }
        List<Integer> products = productsByDomain.get(domainIndex);
        int below = java.util.Collections.binarySearch(products, index);
        int count = below >= 0 ? below : -below - 1;
        return count == 0 ? -1 : products.get(random.nextInt(count));
    }

    private Domain domain(SplittableRandom random) {
        double target = random.nextDouble() * domainCumulativeShare[domainCumulativeShare.length - 1];
        for (int i = 0; i < domainCumulativeShare.length; i++) {
            if (target < domainCumulativeShare[i]) {
                return domains.get(i);
            }
        }
        return domains.get(domains.size() - 1);
    }

    private List<String> tags(SplittableRandom random, Title title) {
        Set<String> chosen = new LinkedHashSet<>();
        chosen.add(slugify(title.subject()));
        if (random.nextBoolean()) {
            chosen.add(title.domain().words().key());
        }
        int wanted = 2 + random.nextInt(5);
        for (int attempts = 0; chosen.size() < wanted && attempts < 20; attempts++) {
            chosen.add(random.nextDouble() < 0.7 ? tags.draw(random) : slugify(qualifiers.draw(random)));
        }
        return List.copyOf(chosen);
    }

    private static List<TeamMember> team(SplittableRandom random, Domain domain, Person owner) {
        List<TeamMember> team = new ArrayList<>();
        team.add(new TeamMember(owner.email(), owner.name(), "owner"));
        String[] roles = {"dataSteward", "engineer", "analyst"};
        int others = random.nextInt(4);
        for (int i = 0; i < others; i++) {
            Person member = domain.people().draw(random);
            if (!member.equals(owner)) {
                team.add(new TeamMember(member.email(), member.name(), roles[i]));
            }
        }
        return team;
    }

    private static List<SupportChannel> support(SplittableRandom random, String teamName) {
        String team = slugify(teamName);
        List<SupportChannel> support = new ArrayList<>();
        support.add(
                new SupportChannel("#" + team, "https://chat.telco.example/channels/" + team, "slack", "interactive"));
        if (random.nextDouble() < 0.4) {
            support.add(new SupportChannel(team, "mailto:" + team + "@telco.example", "email", "issues"));
        }
        return support;
    }

    /** The first port has the contract the descriptor carries; a second is a topic, a third an API. */
    private static List<OutputPort> outputPorts(SplittableRandom random, Title title, String version, int major) {
        int count = pick(random, new Integer[] {1, 2, 3}, 70, 22, 8);
        String base = snake(title.subject()) + "_" + snake(title.shape());
        String domainKey = title.domain().words().key();
        String[] suffixes = {"", "_events", "_api"};
        List<OutputPort> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String kind = i == 0
                    ? pick(random, new String[] {"table", "view", "topic", "api", "file"}, 60, 15, 12, 8, 5)
                    : i == 1 ? "topic" : "api";
            String name = base + suffixes[i];
            String location = switch (kind) {
                case "topic" -> "kafka://" + domainKey + "." + name + ".v" + major;
                case "api" -> "https://api.telco.example/" + domainKey + "/" + name + "/v" + major;
                case "file" -> "s3://telco-" + domainKey + "/" + name + "/";
                default -> "lakehouse." + domainKey.replace('-', '_') + "." + name;
            };
            String description = switch (kind) {
                case "topic" -> "Change events of every " + title.subject();
                case "api" -> "Look up one " + title.subject() + " by its identifier";
                case "file" -> "Daily extract of every " + title.subject() + " as Parquet";
                default -> sentenceCase(title.shape()) + " " + kind + " of every " + title.subject();
            };
            String contractId = i == 0 ? title.slug() + "-v" + major : null;
            ports.add(new OutputPort(name, description, kind, version, contractId, location));
        }
        return ports;
    }

    /**
     * Lineage: products read products published before them, in any domain; in a mesh larger than the vocabulary's
     * ({@link #UPSTREAM_DOMAINS}), only in their own domain and the few it depends on.
     */
    private List<InputPort> inputPorts(SplittableRandom random, int index, Domain own) {
        int count = index == 0 ? 0 : pick(random, new Integer[] {0, 1, 2, 3}, 40, 30, 20, 10);
        Set<String> sources = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            if (upstream == null) {
                sources.add(keyOf(random.nextInt(index)));
                continue;
            }
            int ownIndex = domains.indexOf(own);
            int[] from = upstream[ownIndex];
            int source = random.nextInt(from.length + 1);
            int product = productBefore(source == from.length ? ownIndex : from[source], index, random);
            if (product >= 0) {
                sources.add(keyOf(product));
            }
        }
        return sources.stream()
                .map(key -> new InputPort(key.substring(key.indexOf('.') + 1), "1.0.0", null, key))
                .toList();
    }

    private List<DeclaredConsumer> consumers(SplittableRandom random, Domain own) {
        int count = pick(random, new Integer[] {0, 1, 2, 3, 4}, 25, 35, 20, 12, 8);
        List<DeclaredConsumer> consumers = new ArrayList<>();
        int[] readers = downstream == null ? null : downstream[domains.indexOf(own)];
        for (int i = 0; i < count; i++) {
            if (readers != null && readers.length == 0) {
                break;
            }
            Domain other = readers == null ? domain(random) : domains.get(readers[random.nextInt(readers.length)]);
            if (other == own) {
                continue;
            }
            String team = other.teams().draw(random);
            consumers.add(new DeclaredConsumer(
                    team, other.words().key(), sentenceCase(goals.draw(random)), slugify(team) + "@telco.example"));
        }
        return consumers;
    }

    /** Everyone who works with data, shuffled so that each domain gets its own forty. */
    private static List<Person> people(SplittableRandom random) {
        List<Person> people = new ArrayList<>();
        for (String first : TelcoVocabulary.FIRST_NAMES) {
            for (String last : TelcoVocabulary.LAST_NAMES) {
                String email = (ascii(first) + "." + ascii(last)).toLowerCase(Locale.ROOT) + "@telco.example";
                people.add(new Person(first + " " + last, email));
            }
        }
        for (int i = people.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Person swap = people.get(i);
            people.set(i, people.get(j));
            people.set(j, swap);
        }
        return people;
    }

    private static List<String> teams(DomainWords words, SplittableRandom random) {
        Set<String> teams = new LinkedHashSet<>();
        teams.add(words.name() + " Data Team");
        for (int attempts = 0; teams.size() < TEAMS_PER_DOMAIN && attempts < 100; attempts++) {
            String subject = words.subjects()
                    .get(random.nextInt(Math.min(12, words.subjects().size())));
            teams.add(titleCase(subject) + " " + TEAM_ENDINGS[random.nextInt(TEAM_ENDINGS.length)]);
        }
        return List.copyOf(teams);
    }

    /** An independent random stream for one purpose (title, body, history) of one product. */
    private SplittableRandom stream(int index, int purpose) {
        return new SplittableRandom(mix(seed ^ mix(index * 8L + purpose)));
    }

    /** MurmurHash3's 64-bit finaliser: neighbouring inputs give unrelated outputs. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static String odpsStatus(String status) {
        return status.equals("published") ? "active" : status;
    }

    private static Instant between(SplittableRandom random, Instant from, Instant to) {
        long seconds = Math.max(1, Duration.between(from, to).getSeconds());
        return from.plusSeconds(random.nextLong(seconds));
    }
}
