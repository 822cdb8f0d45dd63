package org.vigil.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/** Merges the schedules of several devices into one time-ordered sequence. */
public final class Emissions {

    private Emissions() {
    }

    /**
     * One pass over all {@code scripts} in time order; emissions at the same instant come in the
     * map's iteration order of devices, and a device's own order is kept. Lazy.
     */
    public static Iterator<DeviceEmission> merge(Map<String, ? extends DeviceScript> scripts) {
        List<Iterator<Emission>> its = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        scripts.forEach((id, s) -> {
            ids.add(id);
            its.add(s.iterator());
        });
        return new Merger(ids, its);
    }

    private record Head(int device, Emission emission) {
    }

    private static final class Merger implements Iterator<DeviceEmission> {
        private final List<String> ids;
        private final List<Iterator<Emission>> its;
        private final PriorityQueue<Head> heads = new PriorityQueue<>(
                Comparator.comparing((Head h) -> h.emission().at()).thenComparingInt(Head::device));

        Merger(List<String> ids, List<Iterator<Emission>> its) {
            this.ids = ids;
            this.its = its;
            for (int i = 0; i < its.size(); i++) {
                advance(i);
            }
        }

        private void advance(int device) {
            Iterator<Emission> it = its.get(device);
            if (it.hasNext()) {
                heads.add(new Head(device, it.next()));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public DeviceEmission next() {
            Head h = heads.poll();
            if (h == null) {
                throw new NoSuchElementException();
            }
            advance(h.device());
            return new DeviceEmission(ids.get(h.device()), h.emission());
        }
    }
}
