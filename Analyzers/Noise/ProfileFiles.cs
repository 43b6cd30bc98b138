using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NegLR.Analyzers.Infrastructure;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Noise;

/// <summary>
/// A [DeviceProfile]'s file: resolved among the AdditionalFiles and parsed with the runtime parser, the parse cached per
/// file text (a <see cref="SourceText"/> is immutable and the IDE hands the same one over until the file changes), so a
/// keystroke in C# never re-reads a profile.
/// </summary>
internal static class ProfileFiles
{
    private static readonly ConditionalWeakTable<SourceText, Parsed> Cache = new();

    /// <summary>The parsed profile of <paramref name="declared"/>, or the problem that keeps it from being read.</summary>
    public static DeviceProfile? Load(DeclaredProfile declared, AnalyzerSettings settings, CancellationToken cancellationToken, out NoiseProblem? problem)
    {
        problem = null;
        if (declared.Path is null || declared.Path.Trim().Length == 0)
        {
            return null; // NoiseValidation reports the missing path.
        }

        var files = settings.AdditionalFiles;
        var paths = new string[files.Length];
        for (int i = 0; i < files.Length; i++)
        {
            paths[i] = files[i].Path;
        }

        var resolution = NoiseProfiles.Resolve(declared, paths, settings.ProjectDirectory);
        if (resolution.Problem is { } unresolved)
        {
            problem = unresolved;
            return null;
        }

        var text = files[resolution.Index].GetText(cancellationToken);
        if (text is null)
        {
            return NoiseProfiles.Parse(declared, null, out problem);
        }

        var parsed = Cache.GetValue(text, static t => Parsed.From(t));
        if (parsed.Profile is null)
        {
            // Re-run on the (already known bad) text for the message with this declaration's path and index.
            return NoiseProfiles.Parse(declared, parsed.Text, out problem);
        }

        return parsed.Profile;
    }

    private sealed class Parsed
    {
        private Parsed(DeviceProfile? profile, string? text)
        {
            Profile = profile;
            Text = text;
        }

        public DeviceProfile? Profile { get; }

        /// <summary>The text, kept only for a malformed file (to rebuild the message).</summary>
        public string? Text { get; }

        public static Parsed From(SourceText text)
        {
            string s = text.ToString();
            var profile = NoiseProfiles.Parse(new DeclaredProfile("", false, default, -1), s, out _);
            return new Parsed(profile, profile is null ? s : null);
        }
    }
}
