import { beforeEach, describe, expect, it } from 'vitest';
import { useTimeCursor } from './timeCursor';

describe('the time cursor', () => {
  beforeEach(() => useTimeCursor.setState({ t: 0, T: 0, playing: false }));

  it('stays inside the sample when stepped, and follows a shorter one', () => {
    const cursor = useTimeCursor.getState();
    cursor.setLength(16);
    cursor.stepBy(10);
    cursor.stepBy(10);
    expect(useTimeCursor.getState().t).toBe(15);
    cursor.stepBy(-1);
    expect(useTimeCursor.getState().t).toBe(14);
    cursor.toStart();
    expect(useTimeCursor.getState().t).toBe(0);
    cursor.toEnd();
    cursor.setLength(8);
    expect(useTimeCursor.getState().t).toBe(7);
  });

  it('plays from the start when at the end, and a hand move stops a playback', () => {
    const cursor = useTimeCursor.getState();
    cursor.setLength(8);
    cursor.toEnd();
    cursor.play();
    expect(useTimeCursor.getState()).toMatchObject({ playing: true, t: 0 });
    cursor.setStep(3, true);
    expect(useTimeCursor.getState().playing).toBe(true);
    cursor.stepBy(1);
    expect(useTimeCursor.getState()).toMatchObject({ playing: false, t: 4 });
    cursor.setLength(0);
    cursor.play();
    expect(useTimeCursor.getState().playing).toBe(false);
  });
});
