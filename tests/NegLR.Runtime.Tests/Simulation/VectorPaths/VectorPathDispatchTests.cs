using System;
using System.Diagnostics;
using System.IO;

namespace NegLR.Tests.Simulation.VectorPaths;

/// <summary>
/// The kernels as a machine without AVX2 (arm64, older x64) or without any SIMD runs them: a child process of this test
/// assembly with the JIT's AVX2 or all hardware intrinsics switched off runs <see cref="VectorPathWorkload"/> and must
/// record the bits this process records (on this machine, the 256-bit path).
/// </summary>
public abstract class VectorPathDispatchTests
{
    protected static void RunChild(string variable, int expectedWidth)
    {
        var expected = VectorPathWorkload.Run();
        string output = Path.Combine(Path.GetTempPath(), $"neglr-vector-paths-{Guid.NewGuid():N}.txt");
        try
        {
            string assembly = typeof(VectorPathProbe).Assembly.Location;
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            var start = new ProcessStartInfo(dotnet)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "exec", assembly, VectorPathProbe.Verb, output })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment[variable] = "0";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"The child process with {variable}=0 did not finish in 2 minutes.");
            }

            Assert.True(process.ExitCode == 0, $"The child process with {variable}=0 exited with {process.ExitCode}:\n{stdout.Result}{stderr.Result}");
            var (width, tileWidth, actual) = VectorPathProbe.Read(output);
            Assert.True(width == expectedWidth, $"With {variable}=0 the kernels should run {expectedWidth}-bit vectors, but the child reports {width}.");
            Assert.True(tileWidth <= width, $"With {variable}=0 the child reports {tileWidth}-bit tiles on {width}-bit kernels.");
            Assert.Equal(expected.Count, actual.Length);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Label, actual[i].Label);
                string? difference = PathInputs.FirstDifference($"{expected[i].Label} ({variable}=0)", expected[i].Values, actual[i].Values);
                Assert.True(difference is null, difference);
            }
        }
        finally
        {
            File.Delete(output);
        }
    }
}

/// <summary>AVX2 off: the 128-bit path (SSE on x64; arm64 has no AVX2 to switch off and runs it anyway).</summary>
public sealed class Vector128DispatchTests : VectorPathDispatchTests
{
    [Fact]
    public void WithoutAvx2_KernelsRun128BitVectors_AndGiveTheSameBits() => RunChild("DOTNET_EnableAVX2", 128);
}

/// <summary>Every hardware intrinsic off: the scalar path.</summary>
public sealed class ScalarDispatchTests : VectorPathDispatchTests
{
    [Fact]
    public void WithoutSimd_KernelsRunScalar_AndGiveTheSameBits() => RunChild("DOTNET_EnableHWIntrinsic", 0);
}
