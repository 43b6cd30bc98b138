using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.Intrinsics.X86;
using NegLR.Generator.Tests.Equivalence;
using NegLR.Simulation;

namespace NegLR.Generator.Tests.Infrastructure;

/// <summary>
/// The test assembly's entry point (the test SDK's empty generated one is switched off in the project file), so a test
/// can run generated ansätze in a child process whose SIMD support was cut down by an environment variable
/// (<c>DOTNET_EnableAVX2=0</c>): the JIT fixes a process's vector paths at start-up.
/// </summary>
internal static class NarrowTileProbe
{
    public const string Verb = "narrow-tile-probe";

    /// <summary>
    /// <c>narrow-tile-probe ASSEMBLY OUTPUT WIDTH TYPE…</c>: loads the compiled ansätze, sets
    /// <see cref="GeneratedCodeSupport.TileWidth"/> to WIDTH, and writes whether AVX2 is on, the machine's own tile
    /// width, then one line per ansatz (name, tab, the bits of <see cref="Results"/> in hex).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length < 4 || args[0] != Verb)
        {
            Console.Error.WriteLine($"usage: NegLR.Generator.Tests {Verb} ASSEMBLY OUTPUT WIDTH TYPE... (run the tests with dotnet test)");
            return 2;
        }

        var assembly = Assembly.LoadFrom(args[1]);
        using var writer = new StreamWriter(args[2]);
        writer.WriteLine("avx2\t" + (Avx2.IsSupported ? "1" : "0"));
        writer.WriteLine("tiles\t" + FusedKernels.TileWidth.ToString(CultureInfo.InvariantCulture));
        GeneratedCodeSupport.TileWidth = int.Parse(args[3], CultureInfo.InvariantCulture);
        foreach (string name in args.Skip(4))
        {
            var values = Results(AnsatzProbe.Find(assembly, name));
            writer.WriteLine(name + "\t" + string.Join(",", values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture))));
        }

        return 0;
    }

    /// <summary>The prepared state (real, imaginary parts), the expectation and the adjoint gradient at fixed random arguments.</summary>
    public static double[] Results(Type ansatz)
    {
        var (w, x) = EquivalenceAssert.RandomArguments(AnsatzProbe.Call<int>(ansatz, "WeightCount"), AnsatzProbe.Call<int>(ansatz, "InputCount"), 1705);
        var values = new List<double>();
        foreach (var amplitude in AnsatzProbe.Call<Complex[]>(ansatz, "Prepare", w, x))
        {
            values.Add(amplitude.Real);
            values.Add(amplitude.Imaginary);
        }

        values.Add(AnsatzProbe.Call<double>(ansatz, "Evaluate", w, x));
        values.AddRange(AnsatzProbe.Call<double[]>(ansatz, "Gradient", w, x));
        return values.ToArray();
    }

    /// <summary>
    /// Runs <see cref="Main"/> in a child process of this test assembly with <paramref name="variable"/>=0 (none when
    /// null) and <paramref name="environment"/>, on the compiled ansätze <paramref name="image"/>, at tile width
    /// <paramref name="width"/>; returns what it wrote.
    /// </summary>
    public static (bool Avx2, int TileWidth, Dictionary<string, double[]> Results) RunChild(byte[] image, string? variable, int width, string[] types,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"neglr-narrow-tiles-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string assembly = Path.Combine(folder, "TestAssembly.dll");
            File.WriteAllBytes(assembly, image);
            string output = Path.Combine(folder, "results.txt");
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "exec", typeof(NarrowTileProbe).Assembly.Location, Verb, assembly, output, width.ToString(CultureInfo.InvariantCulture) }.Concat(types))
            {
                start.ArgumentList.Add(argument);
            }

            if (variable is not null)
            {
                start.Environment[variable] = "0";
            }

            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            string setting = variable is null ? $"at width {width}" : $"with {variable}=0";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"The child process {setting} did not finish in 2 minutes.");
            }

            Assert.True(process.ExitCode == 0, $"The child process {setting} exited with {process.ExitCode}:\n{stdout.Result}{stderr.Result}");
            return Read(output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Reads what <see cref="Main"/> wrote.</summary>
    public static (bool Avx2, int TileWidth, Dictionary<string, double[]> Results) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        bool avx2 = lines[0].Split('\t')[1] == "1";
        int tiles = int.Parse(lines[1].Split('\t')[1], CultureInfo.InvariantCulture);
        var results = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (string line in lines.Skip(2))
        {
            var parts = line.Split('\t');
            results[parts[0]] = parts[1].Split(',')
                .Select(h => BitConverter.Int64BitsToDouble(long.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))).ToArray();
        }

        return (avx2, tiles, results);
    }
}
