import { isSuccess, MAX_BATCH_REQUESTS, type BatchPartResponse, type PartPriority } from './batch.js';

/** Sends one `GET` part through the batcher. */
export type SubmitPart = (
  url: string,
  signal: AbortSignal | undefined,
  priority: PartPriority,
) => Promise<BatchPartResponse>;

/** Second asks that must all answer 404 before a missing sized photo is taken for "no photo" at once. */
export const SMALL_PHOTO_PROBE = MAX_BATCH_REQUESTS;

interface SecondAsk {
  url: string;
  signal?: AbortSignal;
  /** The sized ask's 404, the answer when no second ask is made. */
  sized: BatchPartResponse;
  resolve: (response: BatchPartResponse) => void;
  reject: (error: unknown) => void;
}

/**
 * Photos as `$batch` parts: the sized photo first, and when Graph answers 404 for it, the largest one
 * there is. Graph answers 404 both for "no photo" and for a size larger than the photo it holds, and
 * photos synchronised from on-premises AD may be 48 or 64 px.
 *
 * Whether a directory has such small photos follows from how it gets its photos, not from one person.
 * The second asks therefore start as a probe of one batch at a time: once one finds a photo, everyone
 * whose sized photo is missing is asked again; once {@link SMALL_PHOTO_PROBE} of them have answered 404
 * too, a missing sized photo means "no photo" from then on and costs no second part. On a page of 200
 * cards of whom 50 have no photo, that is one batch of second asks instead of three.
 */
export class PhotoParts {
  /** Sized asks not answered yet: second asks wait for them, to go out in full batches. */
  private sizedInFlight = 0;
  private readonly waiting: SecondAsk[] = [];
  private probesInFlight = 0;
  private probesWithoutPhoto = 0;
  private smallPhotos: 'unknown' | 'found' | 'none' = 'unknown';

  constructor(private readonly submit: SubmitPart) {}

  /** The sized photo at `sizedUrl`, or when that is missing (and may be small) the one at `largestUrl`. */
  ask(
    sizedUrl: string,
    largestUrl: string,
    signal: AbortSignal | undefined,
    priority: PartPriority,
  ): Promise<BatchPartResponse> {
    this.sizedInFlight += 1;
    return this.submit(sizedUrl, signal, priority).then(
      (response) => {
        this.sizedInFlight -= 1;
        const answer =
          response.status === 404 && this.smallPhotos !== 'none'
            ? new Promise<BatchPartResponse>((resolve, reject) =>
                this.waiting.push({ url: largestUrl, signal, sized: response, resolve, reject }),
              )
            : Promise.resolve(response);
        this.sendSecondAsks();
        return answer;
      },
      (error: unknown) => {
        this.sizedInFlight -= 1;
        this.sendSecondAsks();
        throw error;
      },
    );
  }

  /**
   * Second asks go out once every sized ask in flight has answered (or a batch is full): their number of
   * batches follows the number of people without a sized photo, not the order the answers came in.
   */
  private sendSecondAsks(): void {
    if (this.smallPhotos === 'none') {
      for (const ask of this.waiting.splice(0)) ask.resolve(ask.sized);
      return;
    }
    const probing = this.smallPhotos === 'unknown';
    if (probing && this.probesInFlight > 0) return;
    if (this.waiting.length === 0) return;
    if (this.sizedInFlight > 0 && this.waiting.length < MAX_BATCH_REQUESTS) return;
    const sending = this.waiting.splice(0, probing ? MAX_BATCH_REQUESTS : this.waiting.length);
    for (const ask of sending) {
      if (probing) this.probesInFlight += 1;
      this.submit(ask.url, ask.signal, 'later').then(
        (response) => {
          if (probing) this.probed(response);
          ask.resolve(response);
        },
        (error: unknown) => {
          if (probing) this.probed(undefined);
          ask.reject(error);
        },
      );
    }
  }

  private probed(response: BatchPartResponse | undefined): void {
    this.probesInFlight -= 1;
    if (response && isSuccess(response)) this.smallPhotos = 'found';
    else if (response?.status === 404 && this.smallPhotos === 'unknown') {
      this.probesWithoutPhoto += 1;
      if (this.probesWithoutPhoto >= SMALL_PHOTO_PROBE) this.smallPhotos = 'none';
    }
    this.sendSecondAsks();
  }
}
