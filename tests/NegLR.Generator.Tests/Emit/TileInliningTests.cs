using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Emit;

/// <summary>
/// The register tiles' speed rests on the JIT compiling each pass into straight-line SIMD code: the helpers a pass calls
/// (the shuffles and lane sums in <c>FusedKernels</c>) must be inlined however long the pass is, or every operation
/// becomes a call. Checked on the JIT's own output (<c>DOTNET_JitDisasm</c> in a child process) rather than by timing:
/// no tile method of either width may contain a call.
/// </summary>
public class TileInliningTests
{
    private const string Sources = """
        namespace Inlining
        {
            // A loop over eight layers held in registers, forward and adjoint, with 128-bit twins.
            [global::NegLR.Ansatz(Qubits = 8, Template = global::NegLR.AnsatzTemplate.HardwareEfficient, Layers = 8)]
            [global::NegLR.Observable("Z0 Z1 + 0.5 X3 Y5")]
            public partial struct Hea8;

            // Passes swept block by block, and shared (translated) passes walking up the register, with twins.
            [global::NegLR.Ansatz(Qubits = 13, Template = global::NegLR.AnsatzTemplate.HardwareEfficient, Layers = 2)]
            [global::NegLR.Observable("Z0 Z12")]
            public partial struct Hea13;

            // Complex matrices on qubit 0 (the Re/Im shuffles) and controlled rotations.
            [global::NegLR.Ansatz(Qubits = 5, Template = global::NegLR.AnsatzTemplate.StronglyEntanglingLayers, Layers = 2)]
            [global::NegLR.Observable("Z0")]
            public partial struct Strong5;
        }
        """;

    private static readonly Lazy<byte[]> Image = new(() => GeneratorHarness.CompileOptimized(Sources));

    [Theory]
    [InlineData(256)]
    [InlineData(128)]
    public void TileMethods_ContainNoCalls(int width)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"neglr-inlining-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string listing = Path.Combine(folder, "jit.txt");
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_TieredCompilation"] = "0",
                ["DOTNET_JitDisasm"] = "__F* __B*",
                ["DOTNET_JitStdOutFile"] = listing,
            };
            NarrowTileProbe.RunChild(Image.Value, null, width, new[] { "Inlining.Hea8", "Inlining.Hea13", "Inlining.Strong5" }, environment);
            var methods = Methods(File.ReadAllLines(listing));
            string suffix = width == 128 ? "_128" : "";
            var tiles = methods.Where(m => Regex.IsMatch(m.Name, @":__[FB][0-9]+" + suffix + @"\(")).ToList();
            Assert.True(tiles.Count >= 10, $"expected the JIT's listing of at least 10 tile methods at width {width}, found {tiles.Count}");
            Assert.All(tiles, m => Assert.Contains("(FullOpts)", m.Name, StringComparison.Ordinal));
            var calling = tiles.Where(m => m.Calls.Count > 0).Select(m => m.Name + ": " + string.Join("; ", m.Calls.Distinct())).ToList();
            Assert.True(calling.Count == 0, "tile methods the JIT did not compile into straight-line code:\n" + string.Join("\n", calling));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Each method the JIT listed (<c>; Assembly listing for method …</c>) with its calls of managed methods (a runtime
    /// helper such as a stack probe is not a method the JIT could have inlined).
    /// </summary>
    private static List<(string Name, List<string> Calls)> Methods(string[] lines)
    {
        var methods = new List<(string Name, List<string> Calls)>();
        foreach (string line in lines)
        {
            const string Header = "; Assembly listing for method ";
            if (line.StartsWith(Header, StringComparison.Ordinal))
            {
                methods.Add((line.Substring(Header.Length), new List<string>()));
            }
            else if (methods.Count > 0 && Regex.IsMatch(line, @"^\s+call\s+\["))
            {
                methods[^1].Calls.Add(line.Trim());
            }
        }

        return methods;
    }
}
