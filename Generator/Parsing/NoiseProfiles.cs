using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Where a <c>[DeviceProfile]</c> path leads among the compilation's <c>AdditionalFiles</c>: the index of the one item
/// it names, or why there is none.
/// </summary>
/// <param name="Index">The matching item's index in the list given to <see cref="NoiseProfiles.Resolve"/>, or -1.</param>
/// <param name="Problem">Why no single item matches (missing or ambiguous), or null.</param>
internal sealed record ProfileResolution(int Index, NoiseProblem? Problem);

/// <summary>
/// The device-profile side of a noise declaration: finding the file among the <c>AdditionalFiles</c>, reading it with
/// the runtime's own parser (<see cref="DeviceProfile.Parse"/>, linked source, so errors carry the same JSON path, line
/// and column), and checking the declaration's register and layout against it. Pure functions of strings: no file
/// system access (the compiler hands the texts over), no Roslyn types.
/// </summary>
internal static class NoiseProfiles
{
    /// <summary>
    /// The AdditionalFiles item <paramref name="profile"/>'s path names. A rooted path must equal an item's path; a
    /// relative one is taken from <paramref name="projectDirectory"/> when given (an exact match wins), and otherwise
    /// matches every item whose path ends with it at a folder boundary — so a file name names the one item of that name.
    /// Separators are compared as '/', "./" and "x/../" segments are folded; names compare ordinally. No match is
    /// <see cref="NoiseProblemKind.ProfileMissing"/>, several are <see cref="NoiseProblemKind.ProfileAmbiguous"/>.
    /// </summary>
    /// <param name="profile">The declared profile (its path must be non-empty: <see cref="NoiseValidation"/> reports an empty one).</param>
    /// <param name="additionalFiles">The paths of the compilation's AdditionalFiles items (as <c>AdditionalText.Path</c> gives them).</param>
    /// <param name="projectDirectory">The project's directory (<c>build_property.projectdir</c>), or null when unknown.</param>
    public static ProfileResolution Resolve(DeclaredProfile profile, IReadOnlyList<string> additionalFiles, string? projectDirectory)
    {
        var argument = NoiseArgument.Constructor("path", 0);
        string declared = profile.Path ?? string.Empty;
        string wanted = Normalize(declared);
        if (wanted.Length == 0)
        {
            return new ProfileResolution(-1, new NoiseProblem(NoiseProblemKind.ProfileMissing, profile.AttributeIndex, argument,
                "[DeviceProfile] names no file; give the profile's path relative to the project (or its file name) and list it as <AdditionalFiles Include=\"…\" />."));
        }

        var items = additionalFiles.Select(Normalize).ToArray();
        bool rooted = IsRooted(wanted);
        if (!rooted && !string.IsNullOrEmpty(projectDirectory))
        {
            string full = Normalize(projectDirectory!.TrimEnd('/', '\\') + "/" + declared);
            int exact = Array.IndexOf(items, full);
            if (exact >= 0)
            {
                return new ProfileResolution(exact, null);
            }
        }

        var matches = new List<int>();
        for (int i = 0; i < items.Length; i++)
        {
            if (rooted ? items[i] == wanted : EndsAtBoundary(items[i], wanted))
            {
                matches.Add(i);
            }
        }

        if (matches.Count == 1)
        {
            return new ProfileResolution(matches[0], null);
        }

        if (matches.Count > 1)
        {
            string list = string.Join(", ", matches.Take(4).Select(i => "\"" + additionalFiles[i] + "\"")) + (matches.Count > 4 ? ", …" : string.Empty);
            return new ProfileResolution(-1, new NoiseProblem(NoiseProblemKind.ProfileAmbiguous, profile.AttributeIndex, argument,
                Invariant($"[DeviceProfile(\"{declared}\")] matches {matches.Count} AdditionalFiles items ({list}); write the path relative to the project so it names one.")));
        }

        var json = additionalFiles.Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Take(3).Select(f => "\"" + FileName(f) + "\"").ToArray();
        string hint = json.Length == 0 ? "there are no .json AdditionalFiles" : "the .json AdditionalFiles are " + string.Join(", ", json) + (json.Length == 3 ? ", …" : "");
        return new ProfileResolution(-1, new NoiseProblem(NoiseProblemKind.ProfileMissing, profile.AttributeIndex, argument,
            $"[DeviceProfile(\"{declared}\")] names no AdditionalFiles item ({hint}); add <AdditionalFiles Include=\"{declared}\" /> to the project, or correct the path."));
    }

    /// <summary>
    /// Parses a profile's text with the runtime parser; a malformed file is a <see cref="NoiseProblemKind.ProfileMalformed"/>
    /// problem whose message carries the parser's JSON path, line and column.
    /// </summary>
    public static DeviceProfile? Parse(DeclaredProfile profile, string? text, out NoiseProblem? problem)
    {
        problem = null;
        var argument = NoiseArgument.Constructor("path", 0);
        if (text is null)
        {
            problem = new NoiseProblem(NoiseProblemKind.ProfileMalformed, profile.AttributeIndex, argument,
                $"[DeviceProfile(\"{profile.Path}\")]: the file could not be read; check that it exists and is readable.");
            return null;
        }

        try
        {
            return DeviceProfile.Parse(text);
        }
        catch (DeviceProfileException e)
        {
            problem = new NoiseProblem(NoiseProblemKind.ProfileMalformed, profile.AttributeIndex, argument,
                $"[DeviceProfile(\"{profile.Path}\")] is not a valid device profile: {e.Message} Fix the file (schema: device-profile.schema.json in the NegLR package).");
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The parser is meant to throw only DeviceProfileException; anything else is still the file's problem, never the compiler's.
            problem = new NoiseProblem(NoiseProblemKind.ProfileMalformed, profile.AttributeIndex, argument,
                $"[DeviceProfile(\"{profile.Path}\")] could not be read as a device profile ({e.GetType().Name}: {e.Message}).");
            return null;
        }
    }

    /// <summary>
    /// Checks the declaration's register and layout against the parsed profile: the circuit's qubits (through the layout)
    /// must be device qubits the profile describes. With <paramref name="circuit"/>, also that every gate of the circuit
    /// has a calibration (<see cref="DeviceProfile.Check"/>, the runtime's own check). Layout size and repeats are
    /// <see cref="NoiseValidation"/>'s; this adds nothing when they are wrong.
    /// </summary>
    public static List<NoiseProblem> Check(DeclaredProfile declared, DeviceProfile profile, int qubits, Circuit? circuit)
    {
        var problems = new List<NoiseProblem>();
        int device = profile.Qubits.Length;
        string name = Invariant($"[DeviceProfile(\"{declared.Path}\")]");
        if (!declared.LayoutSet)
        {
            if (qubits > device)
            {
                problems.Add(new NoiseProblem(NoiseProblemKind.ProfileLacksQubits, declared.AttributeIndex, NoiseArgument.Constructor("path", 0),
                    Invariant($"{name}: the ansatz has {qubits} qubits, but the profile \"{profile.Name}\" describes {device} (device qubits 0 to {device - 1}); use a smaller circuit or another device.")));
            }
        }
        else
        {
            for (int i = 0; i < declared.Layout.Count; i++)
            {
                int d = declared.Layout[i];
                if (d >= device)
                {
                    problems.Add(new NoiseProblem(NoiseProblemKind.ProfileLacksQubits, declared.AttributeIndex, NoiseArgument.Property(NoiseAttributeNames.Layout, i),
                        Invariant($"{name}: Layout[{i}] names device qubit {d}, but the profile \"{profile.Name}\" describes qubits 0 to {device - 1}; pick one of those.")));
                }
            }

            if (declared.Layout.Count != qubits || declared.Layout.Any(d => d < 0) || declared.Layout.Distinct().Count() != declared.Layout.Count)
            {
                return problems;
            }
        }

        if (problems.Count == 0 && circuit is not null && circuit.Qubits == qubits)
        {
            try
            {
                profile.Check(circuit, declared.LayoutSet ? declared.Layout.Items : null);
            }
            catch (ArgumentException e)
            {
                problems.Add(new NoiseProblem(NoiseProblemKind.ProfileLacksQubits, declared.AttributeIndex, NoiseArgument.Constructor("path", 0),
                    name + ": " + NoiseValidation.FirstLine(e.Message)));
            }
        }

        return problems;
    }

    /// <summary>'/' separators, "." and "x/.." segments folded, no trailing separator.</summary>
    internal static string Normalize(string path)
    {
        string p = path.Replace('\\', '/');
        bool leading = p.StartsWith("/", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (string part in p.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        var sb = new StringBuilder();
        if (leading)
        {
            sb.Append('/');
        }

        sb.Append(string.Join("/", parts));
        return sb.ToString();
    }

    private static bool IsRooted(string normalized) =>
        normalized.StartsWith("/", StringComparison.Ordinal) || (normalized.Length >= 2 && normalized[1] == ':');

    private static bool EndsAtBoundary(string item, string wanted) =>
        item == wanted || (item.EndsWith(wanted, StringComparison.Ordinal) && item[item.Length - wanted.Length - 1] == '/');

    private static string FileName(string path)
    {
        string p = path.Replace('\\', '/');
        int slash = p.LastIndexOf('/');
        return slash < 0 ? p : p.Substring(slash + 1);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
