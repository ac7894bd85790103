package it; public class Nothing {}
