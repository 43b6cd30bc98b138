using System;
using System.Buffers.Binary;
using System.IO;
using System.Security.Cryptography;

namespace NegLR.Tests.Training;

/// <summary>
/// The faults a fuzz run found: a checkpoint whose payload was altered and then sealed again (a valid SHA-256, as another
/// writer would produce) must fail with <see cref="CheckpointException"/> naming the file and the field — never a
/// FormatException or ArgumentException, never NaN or infinite weights restored to crash a later step.
/// </summary>
public sealed class CheckpointFaultTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "neglr-fault-tests-" + Guid.NewGuid().ToString("N"));

    public CheckpointFaultTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const int Header = 8 + 4 + 8;

    private static Trainer Build(string? path = null, int maxSteps = 12) => new(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim,
        new NegativeLearningRate(new Adam(12, 0.1)), new TrainerOptions { MaxSteps = maxSteps, CheckpointPath = path, CheckpointInterval = 4 });

    /// <summary>A finished 12-step run's checkpoint and its final parameters.</summary>
    private (string Path, double[] Parameters, Adam Adam) Valid(string name)
    {
        string path = Path.Combine(_directory, name);
        var adam = new Adam(12, 0.1);
        var trainer = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new NegativeLearningRate(adam),
            new TrainerOptions { MaxSteps = 12, CheckpointPath = path, CheckpointInterval = 4 });
        var w = TrainingProblems.Start(12, 1);
        trainer.Run(w);
        return (path, w, adam);
    }

    private static byte[] Payload(string path)
    {
        var bytes = File.ReadAllBytes(path);
        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12));
        return bytes.AsSpan(Header, (int)length).ToArray();
    }

    /// <summary>Writes <paramref name="payload"/> with a correct header and SHA-256: what a foreign writer would produce.</summary>
    private static void Reseal(string path, byte[] payload)
    {
        var file = new byte[Header + payload.Length + 32];
        "NEGLRCKP"u8.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(8), 1);
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(12), payload.Length);
        payload.CopyTo(file, Header);
        SHA256.HashData(payload, file.AsSpan(Header + payload.Length));
        File.WriteAllBytes(path, file);
    }

    /// <summary>Replaces the first occurrence of <paramref name="value"/>'s bits with <paramref name="replacement"/>'s.</summary>
    private static byte[] ReplaceDouble(byte[] payload, double value, double replacement)
    {
        Span<byte> pattern = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(pattern, BitConverter.DoubleToInt64Bits(value));
        int at = payload.AsSpan().IndexOf(pattern);
        Assert.True(at >= 0, "the value is not in the payload");
        var copy = (byte[])payload.Clone();
        BinaryPrimitives.WriteInt64LittleEndian(copy.AsSpan(at), BitConverter.DoubleToInt64Bits(replacement));
        return copy;
    }

    private static CheckpointException ResumeFails(string path)
    {
        var e = Assert.Throws<CheckpointException>(() => Build().Resume(path, new double[12]));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        return e;
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteWeights_AreRefused(double bad)
    {
        var (path, w, _) = Valid("weights.ckpt");
        Reseal(path, ReplaceDouble(Payload(path), w[5], bad));
        var e = ResumeFails(path);
        Assert.Contains("parameters", e.Message, StringComparison.Ordinal);
        Assert.Contains("index 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeSecondMoment_IsRefused()
    {
        var (path, _, adam) = Valid("moments.ckpt");
        double v = adam.SecondMoment[3];
        Reseal(path, ReplaceDouble(Payload(path), v, -v));
        Assert.Contains("Adam second moments", ResumeFails(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedStringPrefix_IsACheckpointError_NotAFormatException()
    {
        var (path, _, _) = Valid("string.ckpt");
        var payload = Payload(path);
        // The first section header: marker "NLRS", then the 7-bit-encoded length of "Trainer"; five 0xFF bytes are no integer.
        int at = 4;
        var forged = new byte[payload.Length + 4];
        payload.AsSpan(0, at).CopyTo(forged);
        forged.AsSpan(at, 5).Fill(0xFF);
        payload.AsSpan(at + 1).CopyTo(forged.AsSpan(at + 5));
        Reseal(path, forged);
        Assert.Contains("malformed", ResumeFails(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryLossThatNoRunProduces_IsRefused()
    {
        var (path, _, _) = Valid("history.ckpt");
        var reference = Build().Run(TrainingProblems.Start(12, 1));
        double loss = reference.History[7].Loss;
        Reseal(path, ReplaceDouble(Payload(path), loss, double.NaN));
        ResumeFails(path);
    }

    [Fact]
    public void ForgedHugeHistory_IsRefusedWithoutAllocatingIt()
    {
        var (path, _, _) = Valid("huge.ckpt");
        var payload = Payload(path);
        // Step count and history length both claim 2^31 − 1 steps.
        Span<byte> twelve = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(twelve, 12);
        int at = payload.AsSpan().IndexOf(twelve);
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(at), int.MaxValue);
        Reseal(path, payload);
        ResumeFails(path);
    }

    [Fact]
    public void RandomResealedMutations_OnlyEverFailAsCheckpointErrors()
    {
        var (path, _, _) = Valid("fuzz.ckpt");
        var original = Payload(path);
        var rng = new SeededRandom(2024);
        int refused = 0, accepted = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            var payload = (byte[])original.Clone();
            int changes = 1 + rng.NextInt(3);
            for (int k = 0; k < changes; k++)
            {
                int at = rng.NextInt(payload.Length);
                payload[at] = rng.NextInt(4) == 0 ? (byte)0xFF : (byte)(payload[at] ^ (1 << rng.NextInt(8)));
            }

            Reseal(path, payload);
            var w = new double[12];
            TrainingResult? result = null;
            try
            {
                result = Build(maxSteps: 16).Resume(path, w);
            }
            catch (CheckpointException e)
            {
                Assert.Contains(path, e.Message, StringComparison.Ordinal);
                refused++;
                continue;
            }

            // A mutation that still reads back as a valid state (e.g. a changed low bit of a moment) resumes and trains.
            accepted++;
            Assert.All(w, v => Assert.True(double.IsFinite(v)));
            Assert.True(double.IsFinite(result.FinalLoss));
        }

        Assert.True(refused > 200, $"only {refused} of 300 mutations were refused");
        Assert.True(accepted > 0, "no mutation was benign: the test would not see a resumed run");
    }
}
