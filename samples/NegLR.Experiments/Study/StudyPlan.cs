using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace NegLR.Experiments.Study;

/// <summary>
/// The study's configuration (<c>docs/study/plan.json</c>): its parts in the order they run, each a compare grid. The
/// protocol's cell tables, the runs, the Slurm scripts and the report are all derived from this one file, so the text
/// and what runs cannot drift. Benchmark and optimizer entries may hold brace alternations (<c>bp-random{6|8}-…</c>)
/// and rate placeholders (<c>nlr-la-adam@$adam</c>) that the pilot's tuning rule fills per block (<c>rates.json</c>).
/// </summary>
internal sealed class StudyPlan
{
    [JsonPropertyName("schema")]
    public string Schema { get; set; } = string.Empty;

    [JsonPropertyName("title")]
    public string Title { get; set; } = string.Empty;

    /// <summary>Where run folders go (git-ignored; resumable).</summary>
    [JsonPropertyName("runs")]
    public string Runs { get; set; } = "artifacts/study";

    /// <summary>Where finished parts' summaries, reports and plots are committed.</summary>
    [JsonPropertyName("results")]
    public string Results { get; set; } = "docs/results/study";

    /// <summary>The pilot's chosen rates per block and base (written by <c>study --pilot-analysis</c>).</summary>
    [JsonPropertyName("rates")]
    public string RatesFile { get; set; } = "docs/results/study/pilot/rates.json";

    /// <summary>Settings every part shares unless it overrides them (compare options without the leading dashes).</summary>
    [JsonPropertyName("defaults")]
    public Dictionary<string, string> Defaults { get; set; } = new(StringComparer.Ordinal);

    [JsonPropertyName("parts")]
    public List<StudyPart> Parts { get; set; } = new();

    public const string SchemaId = "neglr-study-plan/1";

    /// <summary>Reads and checks a plan; errors name the file and the part.</summary>
    public static StudyPlan Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no study plan at '{path}'; the study's is docs/study/plan.json (--plan).", path);
        }

        StudyPlan plan;
        try
        {
            plan = JsonSerializer.Deserialize<StudyPlan>(File.ReadAllText(path), new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip })
                ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a study plan: {e.Message}", e);
        }

        if (plan.Schema != SchemaId)
        {
            throw new InvalidDataException($"'{path}' has schema '{plan.Schema}'; this runner reads '{SchemaId}'.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in plan.Parts)
        {
            if (!Regex.IsMatch(part.Name, "^[a-z0-9-]+$") || !names.Add(part.Name))
            {
                throw new InvalidDataException($"'{path}': part name '{part.Name}' is not a unique lower-case name (letters, digits, '-').");
            }

            if (part.Stage is not ("pilot" or "main"))
            {
                throw new InvalidDataException($"'{path}': part '{part.Name}' has stage '{part.Stage}'; use pilot or main.");
            }
        }

        plan.Directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return plan;
    }

    /// <summary>Folder of the plan file (relative paths in the plan are relative to the repository root, the working directory).</summary>
    [JsonIgnore]
    public string Directory { get; private set; } = ".";

    /// <summary>The pilot's rates: block → base → rate; empty before the pilot has been analysed.</summary>
    public Dictionary<string, Dictionary<string, double>> LoadRates()
    {
        if (!File.Exists(RatesFile))
        {
            return new(StringComparer.Ordinal);
        }

        var file = JsonSerializer.Deserialize<RateFile>(File.ReadAllText(RatesFile)) ?? new RateFile();
        return file.Rates;
    }

    /// <summary>The compare arguments of <paramref name="part"/> (without --out, --jobs and run-control options).</summary>
    /// <exception cref="InvalidOperationException">A rate placeholder has no value yet (run the pilot's analysis first).</exception>
    public List<string> Arguments(StudyPart part, IReadOnlyDictionary<string, Dictionary<string, double>> rates)
    {
        var settings = new Dictionary<string, string>(Defaults, StringComparer.Ordinal);
        foreach (var kv in part.Settings)
        {
            settings[kv.Key] = kv.Value;
        }

        var args = new List<string>
        {
            "compare",
            "--benchmarks", string.Join(',', part.Benchmarks.SelectMany(Expand).Distinct()),
            "--optimizers", string.Join(',', part.Optimizers.SelectMany(Expand).Select(o => Resolve(o, part, rates)).Distinct()),
            "--seeds", part.Seeds,
            "--shots", string.Join(',', part.Shots.Select(s => s.ToString(CultureInfo.InvariantCulture))),
        };
        foreach (var kv in settings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            args.Add("--" + kv.Key);
            if (kv.Value.Length > 0)
            {
                args.Add(kv.Value);
            }
        }

        return args;
    }

    /// <summary>Brace alternations, expanded left to right: <c>a{1|2}b{x|y}</c> → a1bx, a1by, a2bx, a2by.</summary>
    public static IEnumerable<string> Expand(string pattern)
    {
        int open = pattern.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            yield return pattern;
            yield break;
        }

        int close = pattern.IndexOf('}', open);
        if (close < 0)
        {
            throw new InvalidDataException($"'{pattern}' opens a brace alternation it does not close.");
        }

        string inner = pattern[(open + 1)..close];
        if (inner.Contains('{', StringComparison.Ordinal))
        {
            throw new InvalidDataException($"'{pattern}' nests brace alternations; write one pattern per alternative instead.");
        }

        foreach (var choice in inner.Split('|'))
        {
            foreach (var rest in Expand(pattern[(close + 1)..]))
            {
                yield return pattern[..open] + choice + rest;
            }
        }
    }

    private static string Resolve(string id, StudyPart part, IReadOnlyDictionary<string, Dictionary<string, double>> rates) =>
        Regex.Replace(id, @"\$(sgd|adam)", m =>
        {
            if (!rates.TryGetValue(part.Block, out var block) || !block.TryGetValue(m.Groups[1].Value, out double rate))
            {
                throw new InvalidOperationException(
                    $"Part '{part.Name}' needs the pilot's {m.Groups[1].Value} rate for block {part.Block}; run `study --pilot-analysis` after the pilot parts.");
            }

            return rate.ToString("R", CultureInfo.InvariantCulture);
        });
}

/// <summary>One part of the study: a compare grid that runs (and resumes) on its own and is committed when complete.</summary>
internal sealed class StudyPart
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>pilot (results kept apart, sets the rates) or main.</summary>
    [JsonPropertyName("stage")]
    public string Stage { get; set; } = "main";

    /// <summary>B1 … B5.</summary>
    [JsonPropertyName("block")]
    public string Block { get; set; } = string.Empty;

    /// <summary>H1 … H4 (empty: the part is exploratory only).</summary>
    [JsonPropertyName("hypothesis")]
    public string Hypothesis { get; set; } = string.Empty;

    /// <summary>Its NLR-against-base contrasts are the hypothesis's primary family (Holm); otherwise exploratory (BH).</summary>
    [JsonPropertyName("primary")]
    public bool Primary { get; set; }

    /// <summary>What the part is for, one sentence.</summary>
    [JsonPropertyName("purpose")]
    public string Purpose { get; set; } = string.Empty;

    [JsonPropertyName("benchmarks")]
    public List<string> Benchmarks { get; set; } = new();

    [JsonPropertyName("optimizers")]
    public List<string> Optimizers { get; set; } = new();

    [JsonPropertyName("seeds")]
    public string Seeds { get; set; } = "0-29";

    [JsonPropertyName("shots")]
    public List<int> Shots { get; set; } = new() { 0 };

    /// <summary>Compare options for this part (override the plan's defaults).</summary>
    [JsonPropertyName("settings")]
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The pilot's output: the learning rate each base runs at in the main parts of each block.</summary>
internal sealed class RateFile
{
    [JsonPropertyName("rule")]
    public string Rule { get; set; } = string.Empty;

    [JsonPropertyName("rates")]
    public Dictionary<string, Dictionary<string, double>> Rates { get; set; } = new(StringComparer.Ordinal);
}
