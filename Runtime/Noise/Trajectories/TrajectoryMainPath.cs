using System;
using System.Numerics;

namespace NegLR;

/// <summary>
/// The branch most trajectories of one noisy evaluation take — every Pauli channel its likeliest word (the identity),
/// every Kraus channel its likeliest operator — computed once per call and shared: a shot whose draws all pick that
/// branch ends in the same state bit for bit, so it only draws; a shot that leaves it at channel j starts from the
/// stored state before j instead of re-running the gates before it.
/// </summary>
/// <remarks>
/// Exact, not approximate: a trajectory's state is a function of the branches it picked, and the branch a draw picks is
/// a function of the uniform and (for Kraus channels) the state's probabilities, which are read from the same stored
/// states the trajectory would have computed. With low noise most shots never leave the path (8 qubits at p₂ = 10⁻³:
/// about nine in ten), so a shot costs its draws and one sample. Snapshots are kept for the operations that change the
/// state on the path (gates, Kraus branches, non-identity words), lazily as far as a call's shots reach; a simulator
/// whose snapshots would exceed <see cref="MaxBytes"/> does not share.
/// </remarks>
internal sealed class TrajectoryMainPath
{
    /// <summary>Largest snapshot store one workspace keeps (64 MB).</summary>
    public const long MaxBytes = 64L << 20;

    private readonly TrajectorySimulator _simulator;
    private readonly int _size;
    private readonly int[] _snapshotBefore;   // per op: the snapshot holding the path's state before it
    private readonly int[] _sharedBranch;     // per channel op: the branch the path takes (Pauli word; Kraus: set when reached)
    private readonly int[] _krausOffset;      // per op: start of its probabilities in _krausP, or -1
    private readonly double[] _krausP;
    private readonly Complex[] _snapshots;
    private double[]?[] _groupCumulative = Array.Empty<double[]?>();
    private double[]?[] _groupTables = Array.Empty<double[]?>();
    private double[] _groupTotal = Array.Empty<double>();
    private int _frontier;                    // ops the path has applied in this call

    private TrajectoryMainPath(TrajectorySimulator simulator, int[] snapshotBefore, int snapshots, int[] sharedBranch, int[] krausOffset, int krausEntries)
    {
        _simulator = simulator;
        _size = 1 << simulator.Qubits;
        _snapshotBefore = snapshotBefore;
        _sharedBranch = sharedBranch;
        _krausOffset = krausOffset;
        _krausP = new double[krausEntries];
        _snapshots = new Complex[snapshots * _size];
    }

    /// <summary>The path's store for <paramref name="simulator"/>, or null when its snapshots would not fit.</summary>
    public static TrajectoryMainPath? TryCreate(TrajectorySimulator simulator)
    {
        var ops = simulator.Ops;
        var channels = simulator.Channels;
        var snapshotBefore = new int[ops.Length + 1];
        var sharedBranch = new int[ops.Length];
        var krausOffset = new int[ops.Length];
        int snapshot = 0, kraus = 0;
        for (int j = 0; j < ops.Length; j++)
        {
            snapshotBefore[j] = snapshot;
            krausOffset[j] = -1;
            int op = ops[j];
            if (op >= 0)
            {
                snapshot++;
            }
            else if (!channels[~op].IsPauli)
            {
                krausOffset[j] = kraus;
                kraus += channels[~op].KrausCount;
                snapshot++;
            }
            else
            {
                sharedBranch[j] = channels[~op].LikeliestWord();
                snapshot += sharedBranch[j] != 0 ? 1 : 0;
            }
        }

        snapshotBefore[ops.Length] = snapshot;
        long bytes = (snapshot + 1L) * (1L << simulator.Qubits) * 16;
        if (bytes > MaxBytes)
        {
            return null;
        }

        return new TrajectoryMainPath(simulator, snapshotBefore, snapshot + 1, sharedBranch, krausOffset, kraus);
    }

    /// <summary>Forgets the previous call's path (the weights, inputs or shift may have changed) before a call measuring <paramref name="groups"/> groups.</summary>
    public void Begin(int groups)
    {
        _frontier = 0;
        _snapshots.AsSpan(0, _size).Clear();
        _snapshots[0] = Complex.One;
        if (_groupCumulative.Length < groups)
        {
            Array.Resize(ref _groupCumulative, groups);
            Array.Resize(ref _groupTables, groups);
            Array.Resize(ref _groupTotal, groups);
        }

        Array.Clear(_groupCumulative);
    }

    /// <summary>The path's state after every operation (computing it if needed).</summary>
    public ReadOnlySpan<Complex> End(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shiftedInstruction, double shift, Span<Complex> reduced) =>
        StateBefore(_snapshotBefore.Length - 1, weights, inputs, shiftedInstruction, shift, reduced);

    /// <summary>The path's state before operation <paramref name="j"/> (computing the path that far if needed).</summary>
    public ReadOnlySpan<Complex> StateBefore(int j, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shiftedInstruction, double shift,
        Span<Complex> reduced)
    {
        Advance(j, weights, inputs, shiftedInstruction, shift, reduced);
        return Snapshot(_snapshotBefore[j]);
    }

    /// <summary>The Kraus probabilities of channel operation <paramref name="j"/> on the path's state before it.</summary>
    public ReadOnlySpan<double> KrausProbabilities(int j, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shiftedInstruction,
        double shift, Span<Complex> reduced)
    {
        // The probabilities are written when the path applies operation j.
        Advance(j + 1, weights, inputs, shiftedInstruction, shift, reduced);
        return _krausP.AsSpan(_krausOffset[j], _simulator.Channels[~_simulator.Ops[j]].KrausCount);
    }

    /// <summary>The branch the path takes at channel operation <paramref name="j"/> (for a Kraus channel, once it has been reached).</summary>
    public int SharedBranch(int j) => _sharedBranch[j];

    /// <summary>
    /// One shot's basis index from the path's final state measured in group <paramref name="g"/>'s basis: the same table
    /// and the same draw as measuring a trajectory that ended there.
    /// </summary>
    public int SampleEnd(int g, MeasurementGroup group, SeededRandom random, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs,
        int shiftedInstruction, double shift, TrajectoryWorkspace ws)
    {
        var table = _groupCumulative[g];
        if (table is null)
        {
            var source = MeasurementBasis.InBasisOf(group, End(weights, inputs, shiftedInstruction, shift, ws.Reduced), ws.Rotated);
            table = _groupTables[g] ??= new double[_size];
            _groupTotal[g] = ShotSampler.BuildCumulative(source, table);
            _groupCumulative[g] = table;
        }

        return ShotSampler.Draw(table, _groupTotal[g], random);
    }

    private Span<Complex> Snapshot(int index) => _snapshots.AsSpan(index * _size, _size);

    /// <summary>Applies the path's operations up to (not including) <paramref name="end"/>.</summary>
    private void Advance(int end, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shiftedInstruction, double shift, Span<Complex> reduced)
    {
        var ops = _simulator.Ops;
        for (; _frontier < end; _frontier++)
        {
            int j = _frontier;
            int before = _snapshotBefore[j], after = _snapshotBefore[j + 1];
            int op = ops[j];
            if (op < 0 && _simulator.Channels[~op].IsPauli && _sharedBranch[j] == 0)
            {
                continue;
            }

            var target = Snapshot(after);
            Snapshot(before).CopyTo(target);
            if (op >= 0)
            {
                _simulator.ApplyGate(op, weights, inputs, shiftedInstruction, shift, target);
                continue;
            }

            var channel = _simulator.Channels[~op];
            if (channel.IsPauli)
            {
                channel.ApplyWord(target, _sharedBranch[j]);
                continue;
            }

            var p = _krausP.AsSpan(_krausOffset[j], channel.KrausCount);
            channel.Probabilities(Snapshot(before), reduced, p);
            int likeliest = ChannelSampler.Likeliest(p);
            _sharedBranch[j] = likeliest;
            channel.ApplyKraus(target, likeliest, p[likeliest]);
        }
    }
}
