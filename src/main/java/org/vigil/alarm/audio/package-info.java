/**
 * Audible alarm signals (IEC 60601-1-8 Tables 3 and 4), synthesised with no JavaFX.
 *
 * <p>Public surface: {@link org.vigil.alarm.audio.AlarmSoundPattern} (the numbers of each
 * priority's sound), {@link org.vigil.alarm.audio.ToneSynthesizer} (pattern to PCM),
 * {@link org.vigil.alarm.audio.AlarmSoundPlayer} (plays the priority that should sound),
 * {@link org.vigil.alarm.audio.AudioOutput} with {@link org.vigil.alarm.audio.JavaSoundOutput},
 * and {@link org.vigil.alarm.audio.UnavailableListener}.
 */
package org.vigil.alarm.audio;
