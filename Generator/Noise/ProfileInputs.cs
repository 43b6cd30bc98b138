using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Model;

namespace NegLR.Generator.Noise;

/// <summary>One AdditionalFiles item that may be a device profile: its path and text.</summary>
internal sealed record ProfileFile(string Path, string? Text);

/// <summary>The project's candidate profile files and its directory (for project-relative paths).</summary>
internal sealed record ProjectProfiles(EquatableArray<ProfileFile> Files, string? ProjectDirectory)
{
    /// <summary>The paths, in the provider's order.</summary>
    public string[] Paths => Files.Select(f => f.Path).ToArray();
}

/// <summary>
/// The incremental step that reads device profiles: each <c>.json</c> AdditionalFiles item is read on its own (keyed by
/// path and content, so an edit re-reads that file only), and the set is combined with each ansatz's spec downstream.
/// Keystrokes in C# files do not touch it.
/// </summary>
internal static class ProfileInputs
{
    public static IncrementalValueProvider<ProjectProfiles> Create(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, ct) => new ProfileFile(text.Path, text.GetText(ct)?.ToString()))
            .WithTrackingName(TrackingNames.NoiseProfileFiles)
            .Collect();
        var directory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.projectdir", out var dir) ? dir : null);
        return files.Combine(directory)
            .Select(static (pair, _) => new ProjectProfiles(pair.Left.ToEquatableArray(), pair.Right));
    }
}
