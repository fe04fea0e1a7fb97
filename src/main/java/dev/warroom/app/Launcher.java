package dev.warroom.app;
public final class Launcher { public static void main(String[] a) {} }
