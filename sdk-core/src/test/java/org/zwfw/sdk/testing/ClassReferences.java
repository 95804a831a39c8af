package org.zwfw.sdk.testing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a compiled class refers to, read from its constant pool (JVMS §4.4): the classes it names
 * and the methods it calls, each as {@code owner.name} with the owner in internal form
 * ({@code org/bouncycastle/math/ec/ECPoint.multiply}). For tests of which code a class may reach.
 */
public final class ClassReferences {

    private final Set<String> classes = new TreeSet<>();
    private final Set<String> methods = new TreeSet<>();

    private ClassReferences() {
    }

    /**
     * @param type a class of this module, read from the class path as it was compiled
     * @return what it refers to
     * @throws IOException when its class file cannot be read
     */
    public static ClassReferences of(Class<?> type) throws IOException {
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class"; // Outer$Inner.class
        try (InputStream in = type.getResourceAsStream(file)) {
            if (in == null) {
                throw new IOException("no class file for " + type.getName());
            }
            return read(in.readAllBytes());
        }
    }

    private static ClassReferences read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        int[][] refs = new int[count][];
        int[][] nameAndTypes = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // takes two entries
                }
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11 -> refs[i] = new int[] {tag, in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> nameAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 17, 18 -> in.readInt();
                default -> throw new IOException("constant pool tag " + tag + " at entry " + i);
            }
        }
        ClassReferences r = new ClassReferences();
        for (int i = 1; i < count; i++) {
            if (classNames[i] != 0) {
                r.classes.add(utf8[classNames[i]]);
            }
            if (refs[i] != null && refs[i][0] != 9) {
                r.methods.add(utf8[classNames[refs[i][1]]] + "." + utf8[nameAndTypes[refs[i][2]][0]]);
            }
        }
        return r;
    }

    /** @return the classes named, internal form ({@code org/bouncycastle/math/ec/ECPoint}) */
    public Set<String> classes() {
        return classes;
    }

    /** @return the methods called, as {@code owner.name} */
    public Set<String> methods() {
        return methods;
    }
}
