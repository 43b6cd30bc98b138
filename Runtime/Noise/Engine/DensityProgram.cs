using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace NegLR.Simulation;

/// <summary>
/// A circuit with channels compiled for the Pauli-vector density-matrix engine: gates and channels in circuit order,
/// as one-qubit maps (4×4 transfer matrices), two-qubit maps (16×16) and Pauli rotations, then fused into steps — every
/// run of maps on one qubit, or on one pair, becomes one pass over the vector.
/// </summary>
/// <remarks>
/// Fusion keeps one open step per qubit (or pair). A map on a qubit joins its open step; a map on other qubits closes
/// the steps it touches first. Maps on disjoint qubits commute, so the emitted order is the circuit's up to such swaps.
/// For the adjoint gradient, a channel whose inverse is unsafe to apply — not invertible (reset, full damping), or one
/// that would push the product of inverse norms met since the last exact state above
/// <see cref="DefaultMaxAmplification"/> — stays alone in its step and is marked for restoring from a checkpoint.
/// </remarks>
internal sealed class DensityProgram
{
    /// <summary>Largest product of ‖R⁻¹‖₂ over channels un-computed between two exact states (rounding grows by at most this).</summary>
    public const double DefaultMaxAmplification = 64;

    /// <summary>Most maps fused into one step (bounds the backward kernels' stack use).</summary>
    public const int MaxOpsPerStep = 64;

    private DensityProgram(Instruction[] instructions, DensityStep[] steps, RotationInfo[] rotations, double[] pool, int scratchLength,
        int restoreCount)
    {
        Instructions = instructions;
        Steps = steps;
        Rotations = rotations;
        Pool = pool;
        ScratchLength = scratchLength;
        RestoreCount = restoreCount;
    }

    public Instruction[] Instructions { get; }

    public DensityStep[] Steps { get; }

    public RotationInfo[] Rotations { get; }

    /// <summary>Constant matrices (local order), their inverses and the products of constant steps.</summary>
    public double[] Pool { get; }

    /// <summary>Doubles of per-call scratch: fused matrices of steps that contain rotations.</summary>
    public int ScratchLength { get; }

    /// <summary>Number of channels restored from checkpoints in the adjoint pass.</summary>
    public int RestoreCount { get; }

    public static DensityProgram Compile(Circuit circuit, double maxAmplification = DefaultMaxAmplification)
    {
        var instructions = InstructionCompiler.Compile(circuit);
        var builder = new Builder(instructions);
        var channels = circuit.Channels;
        int c = 0;
        for (int k = 0; k < instructions.Length; k++)
        {
            int gate = instructions[k].GateIndex;
            for (; c < channels.Count && channels[c].Position <= gate; c++)
            {
                builder.AddChannel(channels[c]);
            }

            builder.AddInstruction(k);
        }

        for (; c < channels.Count; c++)
        {
            builder.AddChannel(channels[c]);
        }

        builder.MarkRestores(maxAmplification);
        return builder.Build();
    }

    /// <summary>One map before fusion.</summary>
    private sealed class Op
    {
        public int[] Qubits = Array.Empty<int>();
        public double[]? Matrix;      // constants: local order over Qubits (digit of Qubits[0] lowest)
        public double[]? Inverse;
        public bool Unital;
        public bool IsChannel;
        public double Amplification = 1;
        public bool Restore;
        public int Word;              // rotations: whole-register word
        public int Instruction = -1;  // rotations: source of θ (−1: constant angle = Multiplier)
        public double Multiplier;
        public bool IsRotation;
    }

    private sealed class Builder
    {
        private readonly Instruction[] _instructions;
        private readonly List<Op> _ops = new();
        private readonly List<DensityStep> _steps = new();
        private readonly List<RotationInfo> _rotations = new();
        private readonly List<double> _pool = new();
        private int _scratch;
        private int _restores;

        public Builder(Instruction[] instructions) => _instructions = instructions;

        public void AddInstruction(int k)
        {
            ref readonly var ins = ref _instructions[k];
            if (ins.Kind == GateKind.I)
            {
                return;
            }

            if (!ins.HasAngle && GateTransfer.IsConstant(ins.Kind))
            {
                int[] qubits = ins.Q1 >= 0 ? new[] { ins.Q0, ins.Q1 } : new[] { ins.Q0 };
                var local = PauliAlgebra.ToLocalOrder(GateTransfer.ConstantTransfer(ins.Kind), qubits.Length);
                int size = 1 << (2 * qubits.Length);
                _ops.Add(new Op
                {
                    Qubits = qubits, Matrix = local, Inverse = SmallMatrix.Transpose(local, size), Unital = true,
                });
                return;
            }

            var factors = ins.HasAngle ? GateTransfer.Factors(ins) : GateTransfer.ConstantFactors(ins);
            foreach (var f in factors)
            {
                _ops.Add(new Op
                {
                    Qubits = SupportOf(f.Word), IsRotation = true, Word = f.Word, Unital = true,
                    Instruction = ins.HasAngle ? k : -1, Multiplier = f.Multiplier,
                });
            }
        }

        public void AddChannel(ChannelPlacement placement)
        {
            var channel = placement.Channel;
            int size = 1 << (2 * channel.Qubits);
            var local = PauliAlgebra.ToLocalOrder(channel.PauliTransferMatrix, channel.Qubits);
            var inverse = SmallMatrix.Inverse(local, size);
            double sigma = SmallMatrix.SmallestSingularValue(local, size);
            _ops.Add(new Op
            {
                Qubits = placement.Qubits.ToArray(), Matrix = local, Inverse = inverse, Unital = channel.IsUnital, IsChannel = true,
                Amplification = inverse is null || sigma < 1e-12 ? double.PositiveInfinity : 1 / sigma,
            });
        }

        /// <summary>Walks the channels from the last: un-computing starts exact at the end and after every restore.</summary>
        public void MarkRestores(double maxAmplification)
        {
            double product = 1;
            for (int i = _ops.Count - 1; i >= 0; i--)
            {
                var op = _ops[i];
                if (!op.IsChannel || op.Amplification == 1)
                {
                    continue;
                }

                if (double.IsInfinity(op.Amplification) || product * op.Amplification > maxAmplification)
                {
                    op.Restore = true;
                    product = 1;
                }
                else
                {
                    product *= op.Amplification;
                }
            }
        }

        public DensityProgram Build()
        {
            // Open steps in creation order; a two-qubit step is reachable from both of its qubits.
            var open = new List<(int[] Qubits, List<Op> Ops)>();
            foreach (var op in _ops)
            {
                if (op.Restore || op.Qubits.Length > 2)
                {
                    Close(open, op.Qubits);
                    Emit(op.Qubits, new List<Op> { op }, op.Restore);
                    continue;
                }

                int index = open.FindIndex(s => SameSet(s.Qubits, op.Qubits));
                if (index >= 0 && open[index].Ops.Count < MaxOpsPerStep)
                {
                    open[index].Ops.Add(op);
                    continue;
                }

                Close(open, op.Qubits);
                open.Add((op.Qubits.Length == 1 ? new[] { op.Qubits[0] } : new[] { op.Qubits[0], op.Qubits[1] }, new List<Op> { op }));
            }

            foreach (var (qubits, ops) in open)
            {
                Emit(qubits, ops, restore: false);
            }

            return new DensityProgram(_instructions, _steps.ToArray(), _rotations.ToArray(), _pool.ToArray(), _scratch, _restores);
        }

        private void Close(List<(int[] Qubits, List<Op> Ops)> open, int[] qubits)
        {
            for (int i = 0; i < open.Count;)
            {
                if (open[i].Qubits.Any(q => Array.IndexOf(qubits, q) >= 0))
                {
                    Emit(open[i].Qubits, open[i].Ops, restore: false);
                    open.RemoveAt(i);
                }
                else
                {
                    i++;
                }
            }
        }

        private void Emit(int[] qubits, List<Op> ops, bool restore)
        {
            if (qubits.Length > 2)
            {
                var op = ops[0];
                int r = AddRotation(op, localWord: -1);
                _steps.Add(new DensityStep(DensityStepKind.Rotation, qubits[0], -1, Array.Empty<SubOp>(), unital: true, constantProduct: -1, r)
                {
                    MaxQubit = qubits.Max(),
                });
                return;
            }

            int size = 1 << (2 * qubits.Length);
            var subOps = new SubOp[ops.Count];
            double[]? product = SmallMatrix.Identity(size);
            bool unital = true;
            for (int i = 0; i < ops.Count; i++)
            {
                var op = ops[i];
                unital &= op.Unital;
                if (op.IsRotation)
                {
                    subOps[i] = SubOp.OfRotation(AddRotation(op, LocalWord(op.Word, qubits)));
                    product = null;
                    continue;
                }

                var matrix = Reorder(op, qubits);
                var inverse = op.Inverse is null || restore ? null : Reorder(op.Inverse, op.Qubits, qubits);
                subOps[i] = SubOp.Constant(AddToPool(matrix), inverse is null ? -1 : AddToPool(inverse), AddToPool(SmallMatrix.Transpose(matrix, size)));
                if (product is not null)
                {
                    product = SmallMatrix.Multiply(matrix, product, size);
                }
            }

            var kind = qubits.Length == 1 ? DensityStepKind.One : DensityStepKind.Two;
            var step = new DensityStep(kind, qubits[0], qubits.Length > 1 ? qubits[1] : -1, subOps, unital,
                product is null ? -1 : AddToPool(product), rotation: -1);
            if (product is null)
            {
                step.Scratch = _scratch;
                _scratch += size * size;
            }

            step.MaxQubit = qubits.Max();
            if (restore)
            {
                step.RestoreSlot = _restores++;
            }

            var pool = _pool.ToArray();
            step.HasTaps = subOps.Any(o => o.IsRotation && _rotations[o.Rotation].Weight >= 0);
            if (product is not null)
            {
                step.ConstantTransposed = AddToPool(SmallMatrix.Transpose(product, size));
                if (!restore)
                {
                    // M⁻¹ = M_1⁻¹ ⋯ M_m⁻¹: the product of the maps' own inverses, never an inversion of the product.
                    var inverse = SmallMatrix.Identity(size);
                    foreach (var op in subOps)
                    {
                        inverse = SmallMatrix.Multiply(inverse, pool.AsSpan(op.Inverse, size * size), size);
                    }

                    step.ConstantInverse = AddToPool(inverse);
                }

                pool = _pool.ToArray();
                if (kind == DensityStepKind.Two)
                {
                    step.SparseProduct = new Sparse16(pool.AsSpan(step.ConstantProduct, 256));
                    step.SparseTransposed = new Sparse16(pool.AsSpan(step.ConstantTransposed, 256));
                    step.SparseInverse = step.ConstantInverse < 0 ? null : new Sparse16(pool.AsSpan(step.ConstantInverse, 256));
                }
            }

            _steps.Add(step);
        }

        private int AddRotation(Op op, int localWord)
        {
            int weight = -1;
            double scale = 0;
            if (op.Instruction >= 0)
            {
                var angle = _instructions[op.Instruction].Angle;
                if (angle.Source == AngleSource.Weight)
                {
                    weight = angle.Index;
                    scale = angle.Scale * op.Multiplier;
                }
            }

            _rotations.Add(new RotationInfo(op.Word, localWord, op.Instruction, op.Multiplier, weight, scale));
            return _rotations.Count - 1;
        }

        private int AddToPool(double[] values)
        {
            int offset = _pool.Count;
            _pool.AddRange(values);
            return offset;
        }

        private static double[] Reorder(Op op, int[] stepQubits) => Reorder(op.Matrix!, op.Qubits, stepQubits);

        /// <summary>A two-qubit matrix given over (b, a) rewritten over the step's (a, b): the two local digits swap.</summary>
        private static double[] Reorder(double[] matrix, int[] opQubits, int[] stepQubits)
        {
            if (opQubits.Length == 1 || opQubits[0] == stepQubits[0])
            {
                return matrix;
            }

            var m = new double[256];
            for (int i = 0; i < 16; i++)
            {
                for (int j = 0; j < 16; j++)
                {
                    m[(SwapDigits(i) * 16) + SwapDigits(j)] = matrix[(i * 16) + j];
                }
            }

            return m;
        }

        private static int SwapDigits(int local) => ((local & 3) << 2) | (local >> 2);

        private static int LocalWord(int word, int[] qubits)
        {
            int local = (word >> (2 * qubits[0])) & 3;
            if (qubits.Length > 1)
            {
                local |= ((word >> (2 * qubits[1])) & 3) << 2;
            }

            return local;
        }

        private static int[] SupportOf(int word)
        {
            var qubits = new List<int>();
            for (int q = 0; word >> (2 * q) != 0; q++)
            {
                if (((word >> (2 * q)) & 3) != 0)
                {
                    qubits.Add(q);
                }
            }

            return qubits.ToArray();
        }

        private static bool SameSet(int[] a, int[] b) =>
            a.Length == b.Length && (a.Length == 1 ? a[0] == b[0] : (a[0] == b[0] && a[1] == b[1]) || (a[0] == b[1] && a[1] == b[0]));
    }
}
