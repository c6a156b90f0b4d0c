package org.llmtracker.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.naming.Ids;

/**
 * A deterministic Hugging Face-shaped lineage graph. Family sizes are heavy-tailed (most
 * models stand alone, a few families are large) and one family holds about 30% of all
 * models, as the Llama family does. Inside a family each model derives from an earlier one
 * (a random recursive tree, so depth grows with size) no deeper than {@link #MAX_DEPTH}; the
 * root takes a share of direct children. Relations are about 35% quantized, 45% fine-tune,
 * 15% adapter and 5% merge; a merge has 2 or 3 parents, all at a lower depth than itself, so
 * every edge joins different depths. Fine-tunes and adapters name training stages as Hub cards do
 * (most SFT, some DPO or the RLHF chain), drawn from a random of their own so the rest of the
 * graph is the same as before stages existed. Downloads follow a power law; organisations a
 * Zipf-like law. Names are Hub-like ({@link ModelNames}) and drawn from no random, so the graph is the
 * same as when models were called {@code model-i}.
 */
public final class LineageGenerator {

    public static final int MAX_DEPTH = 8;

    private static final double BIGGEST_SHARE = 0.30;
    private static final double ROOT_CHILD_SHARE = 0.05;

    private static final List<Stage> NONE = List.of();
    private static final List<Stage> SFT = List.of(Stage.SFT);
    private static final List<Stage> SFT_DPO = List.of(Stage.SFT, Stage.DPO);
    private static final List<Stage> RLHF = List.of(Stage.SFT, Stage.RM, Stage.PPO);

    private final SplittableRandom random;
    private final SplittableRandom stageRandom;

    public LineageGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.stageRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    public LineageData generate(int models) {
        if (models < 100) {
            throw new IllegalArgumentException("generate at least 100 models, asked for " + models);
        }
        int[] sizes = familySizes(models);
        int organisationCount = Math.max(10, models / 40);
        String[] ids = new String[models];
        String[] organisations = new String[models];
        long[] downloads = new long[models];
        int[] primary = new int[models];
        int[] depth = new int[models];
        boolean[] merge = new boolean[models];
        boolean[] hasChild = new boolean[models];
        IntList child = new IntList(models);
        IntList parent = new IntList(models);
        List<Relation> relation = new ArrayList<>(models);

        int[] familyOf = familyOf(sizes, models);
        for (int i = 0; i < models; i++) {
            int org = (int) (organisationCount * Math.pow(random.nextDouble(), 3));
            organisations[i] = "org-" + org;
            // Keyed as the store keys them (Ids.model), so both stores answer with the same ids.
            ids[i] = Ids.model(organisations[i] + "/" + ModelNames.name(familyOf[i], i));
            downloads[i] = (long) Math.min(500_000_000d, Math.floor(Math.pow(1 - random.nextDouble(), -1 / 0.9)) - 1);
        }
        int start = 0;
        for (int size : sizes) {
            primary[start] = -1;
            for (int k = start + 1; k < start + size; k++) {
                int p = random.nextDouble() < ROOT_CHILD_SHARE ? start : start + random.nextInt(k - start);
                while (depth[p] >= MAX_DEPTH) {
                    p = primary[p];
                }
                primary[k] = p;
                depth[k] = depth[p] + 1;
                Relation r = relation(random.nextDouble());
                int[] extras = r == Relation.MERGE ? extraParents(start, k, p, primary, depth) : new int[0];
                if (r == Relation.MERGE && extras.length == 0) {
                    r = Relation.FINETUNE;
                }
                merge[k] = extras.length > 0;
                child.add(k);
                parent.add(p);
                relation.add(r);
                hasChild[p] = true;
                for (int x : extras) {
                    child.add(k);
                    parent.add(x);
                    relation.add(r);
                    hasChild[x] = true;
                }
            }
            start += size;
        }
        LineageData.Landmarks landmarks = landmarks(ids, sizes[0], primary, depth, merge, hasChild);
        List<List<Stage>> stages = new ArrayList<>(relation.size());
        relation.forEach(r -> stages.add(stages(r, stageRandom.nextDouble())));
        return new LineageData(ids, organisations, downloads, child.toArray(), parent.toArray(),
                relation.toArray(Relation[]::new), stages, sizes.length, landmarks);
    }

    private static int[] familyOf(int[] sizes, int models) {
        int[] family = new int[models];
        int start = 0;
        for (int f = 0; f < sizes.length; f++) {
            Arrays.fill(family, start, start + sizes[f], f);
            start += sizes[f];
        }
        return family;
    }

    /** The biggest family first, then heavy-tailed (Pareto) sizes, mostly singletons, none bigger than a third of it. */
    private int[] familySizes(int models) {
        int biggest = (int) Math.round(models * BIGGEST_SHARE);
        IntList sizes = new IntList(models / 2);
        sizes.add(biggest);
        int left = models - biggest;
        while (left > 0) {
            int size = (int) Math.min(biggest / 3, Math.floor(Math.pow(1 - random.nextDouble(), -1 / 1.2)));
            size = Math.max(1, Math.min(size, left));
            sizes.add(size);
            left -= size;
        }
        return sizes.toArray();
    }

    private static Relation relation(double u) {
        if (u < 0.35) {
            return Relation.QUANTIZED;
        }
        if (u < 0.80) {
            return Relation.FINETUNE;
        }
        return u < 0.95 ? Relation.ADAPTER : Relation.MERGE;
    }

    private static List<Stage> stages(Relation relation, double u) {
        if (relation != Relation.FINETUNE && relation != Relation.ADAPTER) {
            return NONE;
        }
        if (u < 0.45) {
            return SFT;
        }
        if (u < 0.55) {
            return SFT_DPO;
        }
        return u < 0.60 ? RLHF : NONE;
    }

    /** One or two more parents from the same family, each strictly shallower than the merge itself. */
    private int[] extraParents(int start, int k, int p, int[] primary, int[] depth) {
        int wanted = 1 + random.nextInt(2);
        int[] found = new int[wanted];
        int count = 0;
        for (int attempt = 0; attempt < 6 && count < wanted; attempt++) {
            int x = start + random.nextInt(k - start);
            while (depth[x] >= depth[k]) {
                x = primary[x];
            }
            boolean taken = x == p;
            for (int i = 0; i < count; i++) {
                taken |= found[i] == x;
            }
            if (!taken) {
                found[count++] = x;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * The deepest single-parent leaf of the biggest family, and a cousin of it: a child of its
     * grandparent through another parent (or that child's own single-parent leaf child). Every
     * edge joins different depths, so the two parents are not adjacent and the only shortest
     * path runs through the shared grandparent.
     */
    private static LineageData.Landmarks landmarks(String[] ids, int familySize, int[] primary, int[] depth,
            boolean[] merge, boolean[] hasChild) {
        int deepest = -1;
        for (int i = 1; i < familySize; i++) {
            if (!hasChild[i] && !merge[i] && (deepest < 0 || depth[i] > depth[deepest])) {
                deepest = i;
            }
        }
        int leafParent = primary[deepest];
        int grandparent = leafParent < 0 ? -1 : primary[leafParent];
        int cousin = -1;
        for (int i = 1; i < familySize && grandparent >= 0; i++) {
            if (primary[i] == grandparent && i != leafParent) {
                cousin = i;
                break;
            }
        }
        int to = cousin;
        for (int i = cousin + 1; i < familySize && cousin >= 0; i++) {
            if (primary[i] == cousin && !merge[i] && !hasChild[i]) {
                to = i;
                break;
            }
        }
        if (to < 0) {
            throw new IllegalStateException("the biggest family has no cousin pair; generate more models");
        }
        return new LineageData.Landmarks(ids[0], familySize, ids[deepest], depth[deepest], ids[deepest], ids[to]);
    }

    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(16, capacity)];
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
