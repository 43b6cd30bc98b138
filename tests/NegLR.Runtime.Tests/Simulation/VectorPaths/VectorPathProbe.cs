using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NegLR.Simulation;

namespace NegLR.Tests.Simulation.VectorPaths;

/// <summary>
/// The test assembly's entry point (the test SDK's empty generated one is switched off in the project file), so a test
/// can run <see cref="VectorPathWorkload"/> in a child process whose SIMD support was cut down by environment variables
/// (<c>DOTNET_EnableAVX2=0</c>, <c>DOTNET_EnableHWIntrinsic=0</c>): the JIT fixes a process's vector paths at start-up.
/// </summary>
internal static class VectorPathProbe
{
    public const string Verb = "vector-path-probe";

    /// <summary>
    /// <c>vector-path-probe OUTPUT</c>: writes the kernels' SIMD width and the tile width, then one line per result
    /// (label, tab, bits in hex).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != Verb)
        {
            Console.Error.WriteLine($"usage: NegLR.Runtime.Tests {Verb} OUTPUT (run the tests with dotnet test)");
            return 2;
        }

        using var writer = new StreamWriter(args[1]);
        writer.WriteLine("width\t" + StateKernels.VectorWidth.ToString(CultureInfo.InvariantCulture));
        writer.WriteLine("tiles\t" + FusedKernels.TileWidth.ToString(CultureInfo.InvariantCulture));
        foreach (var (label, values) in VectorPathWorkload.Run())
        {
            writer.WriteLine(label + "\t" + string.Join(",", values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture))));
        }

        return 0;
    }

    /// <summary>Reads what <see cref="Main"/> wrote: the widths and the results.</summary>
    public static (int Width, int TileWidth, (string Label, double[] Values)[] Results) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        int width = int.Parse(lines[0].Split('\t')[1], CultureInfo.InvariantCulture);
        int tileWidth = int.Parse(lines[1].Split('\t')[1], CultureInfo.InvariantCulture);
        var results = lines.Skip(2).Select(line =>
        {
            var parts = line.Split('\t');
            var values = parts[1].Length == 0
                ? Array.Empty<double>()
                : parts[1].Split(',').Select(h => BitConverter.Int64BitsToDouble(long.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))).ToArray();
            return (parts[0], values);
        }).ToArray();
        return (width, tileWidth, results);
    }
}
