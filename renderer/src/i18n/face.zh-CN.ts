// Words of the face check (养老资格认证): what the screen shows and the kiosk says,
// one instruction at a time. The check never says the face matched anyone: the
// photo goes to the pension office, which compares it with its own records.
import type { ChallengeKind, FaceFailReason } from '../../../common/domain/face.js';
import type { PositionHint } from '../face/position.js';

export const faceStrings = {
  cameraOn: '摄像头已打开',
  loading: '正在准备，请稍等。',
  waiting: '请看着摄像头。',
  hints: {
    'no-face': '请把脸对着摄像头。',
    closer: '请靠近一点。',
    farther: '请离远一点。',
    left: '请往左一点。',
    right: '请往右一点。',
    up: '请往上一点。',
    down: '请往下一点。',
    straight: '请正对着摄像头。',
  } satisfies Record<PositionHint | 'no-face', string>,
  twoFaces: '镜头里有两个人。请只留要认证的人，其他人请往旁边让一让。',
  holdStill: '很好，请别动。',
  ask: {
    blink: '请眨眨眼。',
    'turn-left': '请把头慢慢转向左边，再转回来。',
    'turn-right': '请把头慢慢转向右边，再转回来。',
    'open-mouth': '请张张嘴，再合上。',
  } satisfies Record<ChallengeKind, string>,
  warn: (ask: string | null) => `不着急，慢慢来。${ask ?? '请把脸对着摄像头。'}`,
  done: '好。',
  again: '请再来一次。',
  passed: '做完了，谢谢您。',
  failed: {
    'no-face': '没有看到人脸。',
    'two-faces': '镜头里一直有两个人。',
    'not-positioned': '脸一直没有对准。',
    'face-changed': '画面里的脸换了。',
    'challenge-timeout': '没有看到您做动作。',
  } satisfies Record<FaceFailReason, string>,
  tryAgainSay: '没关系，我们再试一次。准备好了，请按再试一次。',
  tryAgain: '再试一次',
  review: '这张照片会发给社保部门核对。能用，就按“就用这张”；要重拍，就按“重新拍”。',
  use: '就用这张',
  retake: '重新拍',
  describing: '正在保存照片，请稍等。',
  fallbackNoCamera: '这里的摄像头打不开。没关系，村里的专员会给您打电话，或者上门看看您，认证一样能办好。请按继续。',
  fallbackFailed: '没关系，这次不用拍了。村里的专员会给您打电话，或者上门看看您，认证一样能办好。请按继续。',
  fallbackContinue: '继续',
  attempt: (n: number, of: number) => `第 ${n} 次，共 ${of} 次`,
};
